/* Verbatim review page: a little progressive enhancement. The page works without it. */
(function () {
  "use strict";

  // An uploaded file goes into its text box, so the person sees (and may edit) what will be
  // verified; the file input is then cleared so that the text box stays the one truth.
  document.querySelectorAll("input[type=file][data-target]").forEach(function (input) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var target = document.getElementById(input.getAttribute("data-target"));
      if (!file || !target || typeof file.text !== "function") {
        return;
      }
      file.text().then(function (text) {
        target.value = text;
        input.value = "";
        target.focus();
      });
    });
  });

  // Following an in-page link moves keyboard focus too, so Tab carries on from the card (or
  // quote) just reached and screen readers announce it.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (!link) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (target) {
      window.setTimeout(function () { target.focus({ preventScroll: true }); }, 0);
    }
  });

  // n / p: next / previous highlighted quote, unless the person is typing.
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.key !== "n" && event.key !== "p")) {
      return;
    }
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) {
      return;
    }
    var marks = Array.prototype.slice.call(document.querySelectorAll("#candidate-text a.mark"));
    if (!marks.length) {
      return;
    }
    var current = marks.indexOf(active);
    if (current < 0 && active && active.id) {
      // Focus is on a card: start from the quote it belongs to.
      current = marks.findIndex(function (mark) { return mark.getAttribute("href") === "#" + active.id; });
    }
    var step = event.key === "n" ? 1 : -1;
    var next = current < 0 ? (step > 0 ? 0 : marks.length - 1) : (current + step + marks.length) % marks.length;
    marks[next].focus();
    marks[next].scrollIntoView({ block: "center" });
    event.preventDefault();
  });

  // After a submission, bring the result (or the error list) into view for keyboard users.
  var landing = document.getElementById("error-summary") || document.querySelector("form ~ #report");
  if (landing) {
    landing.focus();
  }
})();
