// Renders every element carrying a Vega-Lite spec in data-vega-spec.
// Expressions go through vega-interpreter: the page's CSP forbids eval.
(function () {
  "use strict";
  var options = {
    actions: false,
    renderer: "svg",
    defaultStyle: false,
    ast: true,
    expr: window.vegaInterpreter.expressionInterpreter,
    // vega-tooltip would inject a <style> element; its rules live in style.css.
    tooltip: { disableDefaultStyle: true },
  };
  document.querySelectorAll("[data-vega-spec]").forEach(function (element) {
    var spec;
    try {
      spec = JSON.parse(element.getAttribute("data-vega-spec"));
    } catch (error) {
      element.textContent = "This chart could not be read: " + error;
      return;
    }
    window.vegaEmbed(element, spec, options).then(function () {
      element.setAttribute("data-rendered", "true");
    }).catch(function (error) {
      element.textContent = "This chart could not be drawn: " + error;
    });
  });
})();
