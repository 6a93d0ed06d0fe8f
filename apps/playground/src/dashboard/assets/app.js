// The dashboard's only script: keeps an event stream open, swaps in the HTML sections the server sends, and turns
// buttons with data-url (and the fault and trigger forms) into control API calls. No framework, no build step.
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
    // The search box being typed in is replaced too: keep its focus and caret.
    const typing = el.contains(document.activeElement) ? document.activeElement.dataset.list : undefined;
    const caret = typing ? document.activeElement.selectionStart : 0;
    el.innerHTML = markup;
    for (const id of open) document.getElementById(id)?.setAttribute('open', '');
    if (wasOpen) el.open = true;
    if (typing) {
      const box = el.querySelector(`input[data-list="${typing}"]`);
      box?.focus();
      box?.setSelectionRange(caret, caret);
    }
  }

  // Where each list is (search text, page): part of the event stream's query, so the server renders that page.
  const lists = {};

  function setList(list, change) {
    lists[list] = { ...lists[list], ...change };
    connect();
  }

  function connect() {
    source?.close();
    const query = new URLSearchParams();
    for (const p of providers) if (selection[p]) query.set(p, selection[p]);
    for (const [list, at] of Object.entries(lists)) {
      if (at.q) query.set(`${list}.q`, at.q);
      if (at.page > 1) query.set(`${list}.page`, String(at.page));
    }
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

  let searchTimer;
  document.addEventListener('input', (event) => {
    const box = event.target.closest('input.list-search');
    if (!box) return;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => setList(box.dataset.list, { q: box.value.trim(), page: 1 }), 250);
  });

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (plain http on another host): select-and-copy through a scratch field.
      const area = Object.assign(document.createElement('textarea'), { value: text });
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
  }

  function mask(text) {
    return '•'.repeat(Math.min(24, text.length));
  }

  async function createAccount(provider) {
    const created = await call('POST', `/api/${provider}/sandbox/accounts`, {});
    const box = document.getElementById(`${provider}-created`);
    box.replaceChildren();
    const line = (label, value, secret) => {
      const row = Object.assign(document.createElement('div'), { className: 'created-line' });
      const shown = Object.assign(document.createElement('code'), {
        textContent: secret ? mask(value) : value,
      });
      shown.dataset.testid = `${provider}-created-${label}`;
      row.append(
        Object.assign(document.createElement('span'), { className: 'label', textContent: label }),
        shown,
      );
      if (secret) {
        const reveal = Object.assign(document.createElement('button'), {
          type: 'button',
          className: 'btn plain',
        });
        reveal.textContent = 'Reveal';
        reveal.addEventListener('click', () => {
          const hidden = shown.textContent !== value;
          shown.textContent = hidden ? value : mask(value);
          reveal.textContent = hidden ? 'Hide' : 'Reveal';
        });
        row.append(reveal);
      }
      const copyButton = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'btn plain',
      });
      copyButton.textContent = 'Copy';
      copyButton.addEventListener('click', () => copy(value).then(() => say(`${label} copied`, 'good')));
      row.append(copyButton);
      return row;
    };
    box.append(line('key', created.key, true), line('secret', created.secret, true));
    box.hidden = false;
    // Show the new account: the picker follows the newest one.
    selection[provider] = '';
    connect();
    say(`Account ${created.id} created`, 'good');
  }

  document.addEventListener('click', async (event) => {
    const pager = event.target.closest('button[data-list-page]');
    if (pager) return setList(pager.dataset.listPage, { page: Number(pager.dataset.page) });
    const copyButton = event.target.closest('button[data-copy]');
    if (copyButton) {
      const text = copyButton.closest('.payload-part')?.querySelector('pre')?.textContent ?? '';
      return copy(text).then(() => say('Copied', 'good'));
    }
    const creator = event.target.closest('button[data-create-account]');
    if (creator) {
      creator.disabled = true;
      return createAccount(creator.dataset.createAccount)
        .catch((error) => say(`New account: ${error.message}`, 'bad'))
        .finally(() => {
          creator.disabled = false;
        });
    }
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

  // What a trigger did, as the CLI's `trigger` prints it: what it created, its steps, and what was sent.
  function showTrigger(provider, answer) {
    const box = document.getElementById(`${provider}-trigger-result`);
    const lines = [];
    if (answer.created) {
      const made = Object.entries(answer.created).map(([k, v]) => `${k} ${v}`);
      lines.push(['created', made.join(', ')]);
    }
    for (const step of answer.steps) lines.push(['step', step]);
    for (const d of answer.deliveries ?? []) {
      const last = d.attempts.at(-1);
      const got = last
        ? last.status === undefined
          ? (last.error ?? 'no answer')
          : `HTTP ${last.status}`
        : 'not attempted yet';
      lines.push(['sent', `${d.type} to ${d.url}: ${got} (${d.state})`, d.type]);
    }
    for (const m of answer.messages ?? [])
      lines.push(['mailed', `${m.kind} to ${m.to}: ${m.subject}`, m.kind]);
    if (answer.note) lines.push(['note', answer.note]);
    box.replaceChildren(
      ...lines.map(([label, text, type]) => {
        const row = Object.assign(document.createElement('div'), { className: 'created-line' });
        if (type) row.dataset.type = type;
        row.append(
          Object.assign(document.createElement('span'), { className: 'label', textContent: label }),
          Object.assign(document.createElement('span'), { textContent: text }),
        );
        return row;
      }),
    );
    box.hidden = false;
  }

  async function fireTrigger(form) {
    const provider = form.dataset.provider;
    const account = shown[provider];
    if (!account) return say('No account to fire an event on yet.', 'bad');
    // The form's field names are the trigger route's body fields; an empty one is left to the fake.
    const body = Object.fromEntries([...new FormData(form)].filter(([, v]) => String(v).trim() !== ''));
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const url = `/api/${provider}/sandbox/accounts/${encodeURIComponent(account)}/trigger`;
      showTrigger(provider, await call('POST', url, body));
      say(`Fired ${Object.values(body)[0]} on ${account}.`, 'good');
    } catch (error) {
      say(`Fire: ${error.message}`, 'bad');
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('submit', async (event) => {
    const trigger = event.target.closest('form.trigger-form');
    if (trigger) {
      event.preventDefault();
      return fireTrigger(trigger);
    }
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
