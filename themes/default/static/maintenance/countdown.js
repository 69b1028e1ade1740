// Re-says "back in about N hours" with the reader's clock; the build wrote the same words relative
// to its own reference time. Mirrors ExpectedEndWords.relative in opsbook: keep the two in step.
(function () {
  "use strict";
  var time = document.querySelector(".maintenance-eta time[datetime]");
  var words = document.getElementById("expected-end-words");
  if (!time || !words) { return; }
  var end = Date.parse(time.getAttribute("datetime"));
  if (isNaN(end)) { return; }
  function say() {
    var seconds = Math.floor((end - Date.now()) / 1000);
    if (seconds <= 60) { return "should be back any moment now"; }
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) {
      var rounded = Math.max(5, Math.round(minutes / 5) * 5);
      return rounded >= 60 ? "back in about an hour" : "back in about " + rounded + " minutes";
    }
    var hours = Math.round(minutes / 60);
    if (hours === 1) { return "back in about an hour"; }
    if (hours < 48) { return "back in about " + hours + " hours"; }
    return "back in about " + Math.round(hours / 24) + " days";
  }
  function update() { words.textContent = say(); }
  update();
  setInterval(update, 30000);
})();
