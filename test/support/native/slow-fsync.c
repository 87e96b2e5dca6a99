/*
 * LD_PRELOAD shim for fault tests: a disk whose fsync is slow. Before each fsync/fdatasync it
 * reads a number of milliseconds from the file named by SLOW_FSYNC_FILE (absent or 0: no wait)
 * and sleeps that long, so a test can slow a running redis-server's disk and restore it. Each
 * slowed call appends one byte to the file named by SLOW_FSYNC_LOG: the test can tell the shim
 * was loaded and on the path Redis takes to its disk (ld.so only warns when a preload fails).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void wait_as_a_slow_disk(void) {
  const char *path = getenv("SLOW_FSYNC_FILE");
  if (!path) return;
  FILE *file = fopen(path, "r");
  if (!file) return;
  long ms = 0;
  if (fscanf(file, "%ld", &ms) != 1) ms = 0;
  fclose(file);
  if (ms <= 0) return;
  usleep((useconds_t)ms * 1000);
  const char *log = getenv("SLOW_FSYNC_LOG");
  int fd = log ? open(log, O_WRONLY | O_APPEND | O_CREAT, 0600) : -1;
  if (fd < 0) return;
  if (write(fd, "s", 1) < 0) { /* a count too low only fails the test's own check */ }
  close(fd);
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  wait_as_a_slow_disk();
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  wait_as_a_slow_disk();
  return real(fd);
}
