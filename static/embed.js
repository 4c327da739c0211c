// smacalc embed: sizes the calculator's iframe to its content.
//
// Copy this file to your own site and load it on the page that frames the
// calculator (see embed.html). The calculator posts its height to the page
// that frames it as {type: "smacalc:height", height: <pixels>} whenever the
// height changes; it never posts scenario data. This listener accepts a
// message only from the window of an <iframe data-smacalc> and only from
// that iframe's own origin, and only a sane height.
(function () {
  "use strict";
  var MAX_HEIGHT = 100000;

  function originOf(frame) {
    try {
      return new URL(frame.src, window.location.href).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "smacalc:height") {
      return;
    }
    var height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) {
      return;
    }
    var frames = document.querySelectorAll("iframe[data-smacalc]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source === frame.contentWindow && event.origin === originOf(frame)) {
        frame.style.height = Math.ceil(height) + "px";
      }
    }
  });
})();
