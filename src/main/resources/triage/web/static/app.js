// The console's only script (the Content-Security-Policy allows no inline code): copy buttons, drag and
// drop of evidence files, and the self-refreshing incidents list.
(function () {
  'use strict';

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button.copy');
    if (!b) { return; }
    var text = b.getAttribute('data-copy');
    var done = function () { b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { b.textContent = 'Select and copy'; });
    } else {
      var t = document.createElement('textarea');
      t.value = text; document.body.appendChild(t); t.select();
      try { document.execCommand('copy'); done(); } catch (err) { b.textContent = 'Select and copy'; }
      document.body.removeChild(t);
    }
  });

  var drop = document.getElementById('drop');
  var input = document.getElementById('files');
  if (drop && input) {
    var list = document.getElementById('chosen');
    var show = function () {
      list.textContent = '';
      Array.prototype.forEach.call(input.files, function (f) {
        var li = document.createElement('li'); li.textContent = f.name + ' (' + f.size + ' bytes)'; list.appendChild(li);
      });
    };
    input.addEventListener('change', show);
    ['dragenter', 'dragover'].forEach(function (n) {
      drop.addEventListener(n, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (n) {
      drop.addEventListener(n, function (e) { e.preventDefault(); drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
    });
  }

  var rows = document.getElementById('incident-rows');
  if (rows) {
    var refresh = function () {
      fetch(rows.getAttribute('data-refresh'), { credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          // the fragment is rendered and escaped by the server's templates
          var tbody = document.createElement('tbody');
          tbody.innerHTML = html;
          rows.replaceChildren.apply(rows, Array.prototype.slice.call(tbody.childNodes));
        })
        .catch(function () { /* try again on the next tick */ });
    };
    setInterval(refresh, 3000);
  }
})();
