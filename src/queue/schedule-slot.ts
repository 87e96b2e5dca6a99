/** What a job scheduler's job tells about the slot it was made for (BullMQ 6). */
export type SchedulerJob = {
  id?: string | undefined;
  repeatJobKey?: string | undefined;
  opts: { prevMillis?: number | undefined };
};

/**
 * The time slot a job scheduler created this job for, as an ISO instant; undefined for a job no
 * scheduler made. BullMQ 6 names each scheduled job `repeat:<schedulerId>:<slot millis>`
 * (`JobScheduler.getSchedulerNextJobId`, and `updateJobScheduler-12.lua` for the jobs made when the
 * previous run starts) and also keeps the slot as `opts.prevMillis`. Neither the job's `timestamp`
 * (when the job was created, often in the period before) nor its `delay` (set to 0 when BullMQ
 * promotes a delayed job, `promoteDelayedJobs.lua`) says when the run is due.
 */
export function schedulerSlot(job: SchedulerJob): string | undefined {
  const prefix = job.repeatJobKey ? `repeat:${job.repeatJobKey}:` : undefined;
  if (prefix && job.id?.startsWith(prefix)) {
    const millis = Number(job.id.slice(prefix.length));
    if (Number.isSafeInteger(millis) && millis > 0) return new Date(millis).toISOString();
  }
  const { prevMillis } = job.opts;
  if (job.repeatJobKey && typeof prevMillis === 'number' && prevMillis > 0)
    return new Date(prevMillis).toISOString();
  return undefined;
}
