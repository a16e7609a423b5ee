// Starts Blazor and brings a page back by itself when its circuit is lost for good (docs/high-availability.md,
// "What happens when …"). A circuit lives in one instance. When that instance dies, Blazor reconnects through
// HAProxy to another one, which does not know the circuit and rejects it; when no instance answers, Blazor's
// retries run out. Either way the page reloads, so a war-room TV needs no touch — but only once an instance
// answers (a reload into "connection refused" would leave the browser's error page, without this script), with
// backoff while none does, and never sooner than minReloadGapMs after the previous reload.
(() => {
  const minReloadGapMs = 5000;
  const maxProbeDelayMs = 30000;
  const reloadedAtKey = 'warroom-reloaded-at';
  const modal = document.getElementById('components-reconnect-modal');
  let reloading = false;

  const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

  async function answers() {
    try {
      const response = await fetch('healthz', { cache: 'no-store' });
      return response.ok;
    } catch {
      return false;
    }
  }

  async function reloadOnceAnswered() {
    if (reloading) {
      return;
    }

    reloading = true;
    modal?.classList.add('reconnect--reloading');
    for (let attempt = 0; !(await answers()); attempt++) {
      await delay(Math.min(1000 * 2 ** attempt, maxProbeDelayMs));
    }

    const sinceLastReload = Date.now() - Number(sessionStorage.getItem(reloadedAtKey) ?? 0);
    if (sinceLastReload < minReloadGapMs) {
      await delay(minReloadGapMs - sinceLastReload);
    }

    sessionStorage.setItem(reloadedAtKey, String(Date.now()));
    location.reload();
  }

  modal?.addEventListener('components-reconnect-state-changed', event => {
    // show, retrying, paused and hide are Blazor's own business (reconnect.css shows the notice meanwhile).
    if (['rejected', 'failed', 'resume-failed'].includes(event.detail.state)) {
      reloadOnceAnswered();
    }
  });

  Blazor.start({
    circuit: {
      // The same instance back within about a minute gets the circuit back; after that, reloadOnceAnswered.
      reconnectionOptions: {
        maxRetries: 20,
        retryIntervalMilliseconds: attempt => (attempt < 10 ? 1000 : 5000),
      },
    },
  });
})();
