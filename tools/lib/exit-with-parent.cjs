// Preloaded into the API by tools/start.mjs (`node -r`). The API runs in its own process group so
// that a Ctrl-C reaches it once, through start.mjs; if start.mjs itself dies without forwarding a
// signal (e.g. SIGKILL), the API would be orphaned: notice it and shut down gracefully.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }
}, 1000);
timer.unref();
