// opsbook default theme: an alias page (an old URL) sends the reader on to the article, keeping the
// #fragment, which a <meta http-equiv="refresh"> would drop: /old/ssh-hardening/#match-blocks lands
// on the same section of the article. Without scripts the refresh still leads to the article's top.
(function () {
  "use strict";
  var self = document.currentScript;
  var target = self && self.getAttribute("data-target");
  if (target && window.location.hash.length > 1) {
    window.location.replace(target + window.location.hash);
  }
})();
