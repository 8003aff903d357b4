// The room's screen (/texts/{id}/screen): the server says on /api/v1/texts/{id}/events
// (Server-Sent Events) each time the text changes; the page then fetches itself again and
// replaces what is inside #screen. Without JavaScript, or without EventSource, the page stays as
// it was served and the reader reloads it.
(function () {
  'use strict';
  var root = document.getElementById('screen');
  if (!root || !window.EventSource || !window.fetch || !window.DOMParser) return;
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
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('screen');
      if (!fresh) return;
      if (fresh.innerHTML !== root.innerHTML) root.innerHTML = fresh.innerHTML;
      root.setAttribute('data-version', fresh.getAttribute('data-version') || '');
    }).catch(function () {}).then(function () {
      busy = false;
      if (again) { again = false; refresh(); }
    });
  }
  var source = new EventSource(root.getAttribute('data-screen-events'));
  // Says whether the screen hears of changes (for whoever checks: tests, the curious).
  source.onopen = function () { root.setAttribute('data-screen-state', 'open'); };
  source.onerror = function () { root.setAttribute('data-screen-state', 'reconnecting'); };
  // Each event carries the count of changes; the page was rendered at data-change.
  source.addEventListener('change', function (e) {
    var n;
    try { n = String(JSON.parse(e.data).change); } catch (err) { return; }
    if (n === root.getAttribute('data-change')) return;
    root.setAttribute('data-change', n);
    refresh();
  });
})();
