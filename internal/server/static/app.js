// echotrace pages work without this script; it only adds emphasis on
// hover: pointing at a linked document in a document page's legend
// brings out the passages shared with it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("text");
  var legend = document.getElementById("legend");
  if (!text || !legend) {
    return;
  }
  legend.querySelectorAll("li").forEach(function (li) {
    var swatch = li.querySelector(".swatch");
    if (!swatch) {
      return;
    }
    var color = Array.prototype.find.call(swatch.classList, function (c) { return /^c\d+$/.test(c); });
    li.addEventListener("mouseenter", function () {
      text.classList.add("focus");
      text.querySelectorAll(".reuse." + color).forEach(function (el) { el.classList.add("focused"); });
    });
    li.addEventListener("mouseleave", function () {
      text.classList.remove("focus");
      text.querySelectorAll(".focused").forEach(function (el) { el.classList.remove("focused"); });
    });
  });
});
