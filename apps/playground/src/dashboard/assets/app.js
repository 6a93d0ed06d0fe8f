// The dashboard's only script: keeps an event stream open, swaps in the HTML sections the server sends, and turns
// buttons with data-url (and the fault forms) into control API calls. No framework, no build step.
(() => {
  const providers = ['esimaccess', 'iroamly'];
  const params = new URLSearchParams(location.search);
  const selection = Object.fromEntries(providers.map((p) => [p, params.get(p) ?? '']));
  const shown = {};
  const live = document.getElementById('live');
  const toast = document.getElementById('toast');
  let source;
  let toastTimer;

  function say(text, tone) {
    toast.textContent = text;
    toast.className = `show ${tone}`;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      toast.className = '';
    }, 2500);
  }

  function swap(id, markup) {
    const el = document.getElementById(id);
    if (!el) return;
    // An open <select> would close under the user's pointer; the next update brings the change.
    if (el.tagName === 'SELECT' && document.activeElement === el) return;
    const open = new Set([...el.querySelectorAll('details[open][id]')].map((d) => d.id));
    const wasOpen = el.tagName === 'DETAILS' && el.open;
    el.innerHTML = markup;
    for (const id of open) document.getElementById(id)?.setAttribute('open', '');
    if (wasOpen) el.open = true;
  }

  function connect() {
    source?.close();
    const query = new URLSearchParams();
    for (const p of providers) if (selection[p]) query.set(p, selection[p]);
    source = new EventSource(`/events?${query}`);
    source.addEventListener('open', () => {
      live.textContent = 'live';
      live.className = 'live-dot on';
    });
    source.addEventListener('error', () => {
      live.textContent = 'reconnecting';
      live.className = 'live-dot off';
    });
    source.addEventListener('section', (event) => {
      const { id, html } = JSON.parse(event.data);
      swap(id, html);
    });
    source.addEventListener('meta', (event) => {
      const { provider, account } = JSON.parse(event.data);
      shown[provider] = account;
    });
  }

  async function call(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(answer?.error?.message ?? `HTTP ${res.status}`);
    return answer;
  }

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-url]');
    if (!button) return;
    if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
    button.disabled = true;
    try {
      const body = button.dataset.body ? JSON.parse(button.dataset.body) : undefined;
      await call(button.dataset.method || 'POST', button.dataset.url, body);
      say(`${button.textContent.trim()}: done`, 'good');
    } catch (error) {
      say(`${button.textContent.trim()}: ${error.message}`, 'bad');
    } finally {
      button.disabled = false;
    }
  });

  document.addEventListener('change', (event) => {
    const select = event.target.closest('select[data-provider]');
    if (!select) return;
    selection[select.dataset.provider] = select.value;
    const url = new URL(location.href);
    if (select.value) url.searchParams.set(select.dataset.provider, select.value);
    else url.searchParams.delete(select.dataset.provider);
    history.replaceState(null, '', url);
    connect();
  });

  document.addEventListener('submit', async (event) => {
    const form = event.target.closest('form.fault-form');
    if (!form) return;
    event.preventDefault();
    const provider = form.dataset.provider;
    const account = shown[provider];
    if (!account) return say('No account to inject into yet.', 'bad');
    const data = new FormData(form);
    const body = {
      path: data.get('path'),
      times: Number(data.get('times')),
      action: JSON.parse(data.get('action')),
    };
    try {
      await call('POST', `/api/${provider}/sandbox/accounts/${encodeURIComponent(account)}/faults`, body);
      say(`Fault armed on ${body.path} for the next ${body.times} request(s) of ${account}.`, 'good');
    } catch (error) {
      say(`Inject: ${error.message}`, 'bad');
    }
  });

  connect();
})();
