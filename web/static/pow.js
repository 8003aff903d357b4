// Solves the response form's proof-of-work challenge before the form is sent (site/pow.h):
// finds a counter such that SHA-256("<challenge>:<counter>") starts with the asked number of
// zero bits, with the browser's own SHA-256 (crypto.subtle). Without JavaScript or without
// crypto.subtle (a page not served over HTTPS), the form is sent as it is and the server
// explains what is needed.
'use strict';
(function () {
  function leadingZeroBits(bytes) {
    let bits = 0;
    for (const b of bytes) {
      if (b === 0) { bits += 8; continue; }
      return bits + Math.clz32(b) - 24;
    }
    return bits;
  }

  // Hashes a batch of candidates at once: crypto.subtle is asynchronous, and waiting for each
  // digest in turn would spend most of the time between them.
  async function solve(challenge, bits) {
    const encoder = new TextEncoder();
    const batch = 512;
    for (let start = 0; ; start += batch) {
      const digests = [];
      for (let n = start; n < start + batch; n++)
        digests.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + n)));
      const results = await Promise.all(digests);
      for (let i = 0; i < results.length; i++)
        if (leadingZeroBits(new Uint8Array(results[i])) >= bits) return String(start + i);
    }
  }

  function enhance(form) {
    const challenge = form.querySelector('input[name="pow_challenge"]');
    const answer = form.querySelector('input[name="pow"]');
    if (!challenge || !answer || !window.crypto || !crypto.subtle) return;
    const bits = Number(challenge.dataset.powBits) || 0;
    let sending = false;
    form.addEventListener('submit', async (event) => {
      if (answer.value) return;           // solved: let the browser send the form
      event.preventDefault();
      if (sending) return;                // a second click while solving
      sending = true;
      const button = form.querySelector('button[type="submit"]');
      const label = button ? button.textContent : '';
      if (button) {
        button.disabled = true;
        if (button.dataset.working) button.textContent = button.dataset.working;
      }
      const started = performance.now();
      try {
        answer.value = await solve(challenge.value, bits);
        form.dataset.powMs = String(Math.round(performance.now() - started));
      } catch (e) {
        // Leave the form as it was; sent without a solution, the server explains.
        answer.value = '';
      }
      if (button) button.textContent = label;
      // The form was already validated when it was first submitted. Chromium ignores a
      // requestSubmit() made right after a prevented submission, so submit() it is (from the
      // prototype, in case a control were named "submit"). The button stays disabled: one send.
      HTMLFormElement.prototype.submit.call(form);
    });
  }

  document.querySelectorAll('form').forEach(enhance);
})();
