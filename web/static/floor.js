// The agenda page's lists of speakers as they change: the server sends an event on
// /api/v1/meetings/{id}/speakers/events each time a list of the meeting changes (Server-Sent
// Events); the page then fetches itself again and replaces each item's block of the floor
// (div.floor) that differs. The clock of whoever has the floor counts down each second.
// Without JavaScript the page shows the same on reload.
(function () {
  'use strict';
  var live = document.querySelector('[data-floor-events]');
  if (!live) return;

  function show(el, left) {
    var a = Math.abs(left);
    var s = a % 60;
    el.textContent = (left < 0 ? '-' : '') + Math.floor(a / 60) + ':' + (s < 10 ? '0' : '') + s;
    el.classList.toggle('over', left < 0);
  }
  // Each clock counts from what the server said when the block was rendered.
  var clocks = [];
  function startClocks() {
    clocks = [];
    document.querySelectorAll('.floor .clock[data-left]').forEach(function (el) {
      clocks.push({ el: el, left: parseInt(el.getAttribute('data-left'), 10), from: Date.now() });
    });
  }
  setInterval(function () {
    clocks.forEach(function (c) {
      show(c.el, c.left - Math.floor((Date.now() - c.from) / 1000));
    });
  }, 1000);
  startClocks();

  if (!window.EventSource || !window.fetch || !window.DOMParser) return;
  var seen = live.getAttribute('data-floor-version');
  var busy = false;
  var again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname + location.search, {
      credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' }
    }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null) return;
      var doc = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('div.floor[id]').forEach(function (el) {
        var fresh = doc.getElementById(el.id);
        if (fresh && fresh.innerHTML !== el.innerHTML) el.replaceWith(document.importNode(fresh, true));
      });
      startClocks();
    }).catch(function () {}).then(function () {
      busy = false;
      if (again) { again = false; refresh(); }
    });
  }
  var source = new EventSource(live.getAttribute('data-floor-events'));
  // Says whether the page hears of changes (for whoever checks: tests, the curious).
  source.onopen = function () { live.setAttribute('data-floor-state', 'open'); };
  source.onerror = function () { live.setAttribute('data-floor-state', 'reconnecting'); };
  source.addEventListener('floor', function (e) {
    var version = String(JSON.parse(e.data).version);
    if (version !== seen) { seen = version; refresh(); }
  });
})();
