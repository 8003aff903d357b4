// Forms that the server refused, and files checked before they are sent. The error summary
// (site/refusals.h, form_errors.tpl) takes the focus when the page opens; a file input with
// data-max-bytes / data-max-files (the server's configured limits, written into the page) and
// an `accept` list is checked on submission, before any byte is uploaded, and refused files are
// reported the way the server reports them: a summary at the top of the form linking to the
// field, the message next to it, aria-invalid. The server checks everything again.
'use strict';
(function () {
  function focusSummary() {
    const summary = document.getElementById('error-summary');
    if (summary && (document.activeElement === document.body || !document.activeElement))
      summary.focus();
  }

  // The accepted names and types of `input` (its accept attribute: ".pdf,application/pdf").
  function accepted(input) {
    const list = (input.getAttribute('accept') || '').split(',').map((s) => s.trim().toLowerCase());
    return {
      extensions: list.filter((s) => s.startsWith('.')),
      types: list.filter((s) => s.includes('/')),
    };
  }

  function fileProblems(input) {
    const problems = [];
    const maxBytes = Number(input.dataset.maxBytes) || 0;
    const maxFiles = Number(input.dataset.maxFiles) || 0;
    const ok = accepted(input);
    const files = Array.from(input.files || []);
    if (maxFiles && files.length > maxFiles) problems.push(input.dataset.countMessage);
    for (const f of files) {
      const name = f.name.toLowerCase();
      const byName = ok.extensions.some((e) => name.endsWith(e));
      const byType = f.type !== '' && ok.types.includes(f.type.toLowerCase());
      if ((ok.extensions.length || ok.types.length) && !byName && !byType)
        problems.push(input.dataset.typeMessage.replace('{name}', f.name));
      else if (maxBytes && f.size > maxBytes)
        problems.push(input.dataset.sizeMessage.replace('{name}', f.name));
    }
    return problems;
  }

  // Shows `problems` of `input` as the server would: summary first, message by the field.
  function show(form, input, problems) {
    let summary = form.querySelector('#error-summary');
    if (!summary) {
      summary = document.createElement('div');
      summary.className = 'error-summary';
      summary.id = 'error-summary';
      summary.tabIndex = -1;
      summary.setAttribute('role', 'alert');
      summary.setAttribute('aria-labelledby', 'error-summary-title');
      const h = document.createElement('h2');
      h.id = 'error-summary-title';
      h.textContent = input.dataset.summaryTitle || '';
      summary.appendChild(h);
      summary.appendChild(document.createElement('ul'));
      form.insertBefore(summary, form.firstChild);
    }
    const list = summary.querySelector('ul');
    list.textContent = '';
    for (const p of problems) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + input.id;
      a.textContent = p;
      li.appendChild(a);
      list.appendChild(li);
    }
    const id = input.id + '-error';
    let message = document.getElementById(id);
    if (!message) {
      message = document.createElement('p');
      message.className = 'field-error';
      message.id = id;
      input.parentNode.insertBefore(message, input);
      const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (!described.includes(id)) described.push(id);
      input.setAttribute('aria-describedby', described.join(' '));
    }
    message.textContent = problems.join(' ');
    input.setAttribute('aria-invalid', 'true');
    summary.focus();
  }

  function enhance(form) {
    const input = form.querySelector('input[type="file"][data-max-bytes]');
    if (!input) return;
    // Registered before pow.js (scripts run in order): a refused file stops the proof of work.
    form.addEventListener('submit', (event) => {
      const problems = fileProblems(input);
      if (!problems.length) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      show(form, input, problems);
    });
  }

  document.querySelectorAll('form').forEach(enhance);
  focusSummary();
  // A print button (the receipt) is shown only where it works, with JavaScript; the page prints
  // as well from the browser's menu.
  document.querySelectorAll('button[data-print]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });
})();
