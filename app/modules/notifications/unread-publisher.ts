/**
 * Publishing unread counts in order, within one process (decision 132). Each publish reads the
 * counts after its commit; two publishes for one member running side by side may finish their
 * reads in the opposite order and send the older count last. Here passes never overlap: members
 * asked for while a pass runs are read by the next pass, which starts after it has sent, so the
 * last count a member is sent from this process was read after their last change here. Members
 * asked for together share one pass (one read for many members under load).
 */
export function createUnreadPublisher(readAndEmit: (userIds: string[]) => Promise<void>) {
  const waiting = new Set<string>();
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  /** Starts a pass over everyone waiting now. */
  function start(): Promise<void> {
    next = null;
    const ids = [...waiting];
    waiting.clear();
    running = readAndEmit(ids).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Resolves once a pass that read these members' counts after this call has sent them. */
    publish(userIds: string[]): Promise<void> {
      for (const id of userIds) waiting.add(id);
      if (next) return next;
      if (!running) return start();
      // One pass at a time: the next one starts when this one has sent (or failed).
      next = running.then(start, start);
      return next;
    },
  };
}
