/*
 * LD_PRELOAD shim for fault tests: a disk whose fsync is slow, or instant. Before each
 * fsync/fdatasync it reads a number of milliseconds from the file named by SLOW_FSYNC_FILE:
 * above 0, it sleeps that long, then syncs; 0 (or no file), it syncs; below 0, it returns at once
 * without syncing (the tests kill processes, never the machine: what a process wrote survives its
 * death without fsync, so a killed Redis loses the same, whatever the disk's speed). Each slowed
 * call appends one byte to the file named by SLOW_FSYNC_LOG: the test can tell the shim was
 * loaded and on the path Redis takes to its disk (ld.so only warns when a preload fails).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static long fsync_ms(void) {
  const char *path = getenv("SLOW_FSYNC_FILE");
  if (!path) return 0;
  FILE *file = fopen(path, "r");
  if (!file) return 0;
  long ms = 0;
  if (fscanf(file, "%ld", &ms) != 1) ms = 0;
  fclose(file);
  return ms;
}

static void count_slowed(void) {
  const char *log = getenv("SLOW_FSYNC_LOG");
  int fd = log ? open(log, O_WRONLY | O_APPEND | O_CREAT, 0600) : -1;
  if (fd < 0) return;
  if (write(fd, "s", 1) < 0) { /* a count too low only fails the test's own check */ }
  close(fd);
}

/* 1: sync now; 0: skip the sync. */
static int as_the_disk_is(void) {
  long ms = fsync_ms();
  if (ms > 0) {
    usleep((useconds_t)ms * 1000);
    count_slowed();
  }
  return ms >= 0;
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  return as_the_disk_is() ? real(fd) : 0;
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  return as_the_disk_is() ? real(fd) : 0;
}
