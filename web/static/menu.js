// The site menu on a narrow screen: one button shows and hides the navigation, the language
// switcher and the account link (plenary.css folds them below 40rem only once this script has
// given the button its aria-expanded, so that without JavaScript the menu simply stays open).
'use strict';
(function () {
  const button = document.querySelector('.menu-toggle');
  if (!button) return;
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => {
    button.setAttribute('aria-expanded', button.getAttribute('aria-expanded') === 'true' ? 'false' : 'true');
  });
})();
