(function () {
  'use strict';
  var doc = document;
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function ids(el, attr) { var v = el.getAttribute(attr); return v ? v.split(/\s+/) : []; }

  // Keyboard navigation between findings: j/n next, k/p previous.
  var findings = all('.finding');
  var current = -1;
  var status = doc.getElementById('navstatus');
  var linked = [];

  function unlink() {
    linked.forEach(function (el) { el.classList.remove('linked'); el.classList.remove('speaking'); });
    linked = [];
  }
  function link(el, cls) { el.classList.add(cls); linked.push(el); }

  function select(i, move) {
    if (!findings.length) {
      if (status) { status.textContent = 'No findings.'; }
      return;
    }
    i = Math.max(0, Math.min(findings.length - 1, i));
    if (current >= 0 && findings[current]) {
      findings[current].classList.remove('current');
      findings[current].removeAttribute('aria-current');
    }
    current = i;
    var f = findings[i];
    f.classList.add('current');
    f.setAttribute('aria-current', 'true');
    unlink();
    var q = f.getAttribute('data-quote');
    var mark = q ? doc.getElementById(q) : null;
    if (mark) { link(mark, 'linked'); }
    if (move) {
      f.focus({ preventScroll: true });
      f.scrollIntoView({ block: 'center' });
    }
    if (status) {
      var sev = f.querySelector('.sev');
      var rule = f.querySelector('.rule');
      status.textContent = 'Finding ' + (i + 1) + ' of ' + findings.length +
        (sev ? ': ' + sev.textContent : '') + (rule ? ' ' + rule.textContent : '');
    }
  }

  findings.forEach(function (f, i) {
    f.addEventListener('focus', function () { if (current !== i) { select(i, false); } });
    f.addEventListener('click', function (e) {
      if (e.target.closest('a, summary, details')) { return; }
      f.focus();
    });
  });

  doc.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) { return; }
    switch (e.key) {
      case 'j': case 'n':
        select(current + 1, true); e.preventDefault(); break;
      case 'k': case 'p':
        select(current < 0 ? 0 : current - 1, true); e.preventDefault(); break;
      case 'Escape':
        unlink(); break;
    }
  });

  all('[data-nav]').forEach(function (b) {
    b.addEventListener('click', function () {
      var next = b.getAttribute('data-nav') === 'next';
      select(next ? current + 1 : (current < 0 ? 0 : current - 1), true);
    });
  });

  // A quotation in focus (or under the pointer) shows its findings and
  // underlines the words that name its speaker.
  all('mark.q').forEach(function (m) {
    var id = m.getAttribute('data-quote');
    function on() {
      unlink();
      ids(m, 'data-findings').forEach(function (fid) {
        var f = doc.getElementById(fid);
        if (f) { link(f, 'linked'); }
      });
      all('.mention').forEach(function (s) {
        if (ids(s, 'data-for').indexOf(id) >= 0) { link(s, 'speaking'); }
      });
    }
    m.addEventListener('focus', function () { on(); m.classList.add('tip-on'); });
    m.addEventListener('mouseenter', on);
    m.addEventListener('blur', function () { unlink(); m.classList.remove('tip-on'); });
    m.addEventListener('mouseleave', function () { if (doc.activeElement !== m) { unlink(); } });
  });

  // The review page: a dropped or chosen file fills its text box.
  var formats = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };
  function load(file, area) {
    if (!file || !area) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      area.value = String(reader.result);
      var ext = (file.name.split('.').pop() || '').toLowerCase();
      var sel = doc.getElementById(area.getAttribute('data-format'));
      if (sel && formats[ext]) { sel.value = formats[ext]; }
    };
    reader.readAsText(file);
  }
  all('textarea.drop').forEach(function (area) {
    area.addEventListener('dragover', function (e) { e.preventDefault(); area.classList.add('dragging'); });
    area.addEventListener('dragleave', function () { area.classList.remove('dragging'); });
    area.addEventListener('drop', function (e) {
      area.classList.remove('dragging');
      if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
        e.preventDefault();
        load(e.dataTransfer.files[0], area);
      }
    });
  });
  all('input.file').forEach(function (input) {
    input.addEventListener('change', function () {
      var area = doc.getElementById(input.getAttribute('data-target'));
      if (input.files && input.files.length && area) {
        load(input.files[0], area);
        input.value = '';
      }
    });
  });
}());
