// A little JavaScript that only enhances: every page works without it. Served from
// /static/app.js (the CSP allows same-origin scripts only, never inline ones).
export const APP_JS = `
document.addEventListener('click', function (event) {
  var target = event.target;
  if (!(target instanceof HTMLElement)) return;
  var copy = target.closest('[data-copy]');
  if (copy) {
    event.preventDefault();
    var text = copy.getAttribute('data-copy') || '';
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(function () { copy.textContent = copy.getAttribute('data-copied') || 'OK'; });
  }
  var slot = target.closest('[data-slot-start]');
  if (slot) {
    event.preventDefault();
    var form = slot.closest('form');
    if (!form) return;
    form.querySelector('[name=startDate]').value = slot.getAttribute('data-slot-start');
    form.querySelector('[name=endDate]').value = slot.getAttribute('data-slot-end');
  }
  // Guest rows of the reception form (src/web/unit/reception-guests.tsx): added from the
  // template and removed in place, instead of posting the form back.
  var addGuest = target.closest('[data-add-guest]');
  if (addGuest) {
    event.preventDefault();
    var list = document.querySelector('[data-guest-rows]');
    var template = document.getElementById('guest-row-template');
    if (!list || !template) return;
    var next = 0;
    list.querySelectorAll('[data-guest-row]').forEach(function (row) {
      next = Math.max(next, Number(row.getAttribute('data-guest-row')) + 1);
    });
    list.insertAdjacentHTML('beforeend', template.innerHTML.split('__i__').join(String(next)).split('__n__').join(String(next + 1)));
    var added = list.lastElementChild && list.lastElementChild.querySelector('input');
    if (added) added.focus();
    countGuests();
  }
  var removeGuest = target.closest('[data-remove-guest]');
  if (removeGuest) {
    event.preventDefault();
    var guestRow = removeGuest.closest('[data-guest-row]');
    if (guestRow) guestRow.remove();
    countGuests();
  }
  var all = target.closest('[data-check-all]');
  if (all && all instanceof HTMLInputElement) {
    document.querySelectorAll('input[name=ids]').forEach(function (box) { box.checked = all.checked; });
  }
});
// Destructive actions (withdraw, cancel, deactivate) ask first: a form with data-confirm.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});
function countGuests() {
  var shown = document.querySelector('[data-guest-count]');
  if (!shown) return;
  var filled = 0;
  document.querySelectorAll('[data-guest-rows] input[name$=".name"]').forEach(function (input) {
    if (input.value.trim() !== '') filled++;
  });
  shown.textContent = String(filled);
}
document.addEventListener('input', function (event) {
  var target = event.target;
  if (target instanceof HTMLInputElement && /^guests\\.\\d+\\.name$/.test(target.name)) countGuests();
});
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.name === 'kind') {
    document.querySelectorAll('[data-condolence-only]').forEach(function (el) { el.hidden = target.value !== 'condolence'; });
  }
});
// ---- Unit pages (src/web/unit/): condolence-only fields follow the kind chosen when the page
// loads too, and the reception list's print button appears only where it can work.
document.addEventListener('DOMContentLoaded', function () {
  var kind = document.querySelector('select[name=kind]');
  if (kind instanceof HTMLSelectElement) {
    document.querySelectorAll('[data-condolence-only]').forEach(function (el) { el.hidden = kind.value !== 'condolence'; });
  }
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
});
`;
