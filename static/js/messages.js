/* The page opens with what happened: after a save the focus moves to the message, after a refused
   save to the summary of what to correct, so it is in view and a screen reader reads it (instead of
   the focus staying on <body> or a jump past it). Every page loads this (templates/layouts/app.html). */
(function () {
  "use strict";
  var box = document.querySelector("[data-focus-message]") || document.querySelector("[data-focus-on-load]");
  if (box) {
    box.focus();
  }
})();
