/* After a save the page opens with what happened: the focus moves to the message, so it is in view
   and a screen reader reads it (instead of the focus staying on <body> or a jump past it). */
(function () {
  "use strict";
  var box = document.querySelector("[data-focus-message]");
  if (box) {
    box.focus();
  }
})();
