// Runs the script of prodline's dashboard page (src/main/resources/.../dashboard.html) against a live server, with
// the DOM reduced to the two elements the page writes: reads the statistics once, sends five 2-row iris requests,
// reads them again, and prints both elements as JSON. Usage: node dashboard_page.js PAGE BASE_URL
"use strict";
const fs = require("fs");
const vm = require("vm");

const [page, base] = process.argv.slice(2);
const html = fs.readFileSync(page, "utf8");
const script = html.slice(html.indexOf("<script>") + "<script>".length, html.indexOf("</script>"));
const elements = {meta: {textContent: "", innerHTML: ""}, versions: {innerHTML: ""}};
const context = vm.createContext({
  document: {getElementById: id => elements[id]},
  fetch: (path, options) => fetch(base + path, options),
  performance: performance,
  setInterval: () => 0
});
vm.runInContext(script, context);

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
(async () => {
  await pause(300); // the read the page starts by itself
  await context.refresh();
  for (let i = 0; i < 5; i++) {
    const answer = await fetch(base + "/v1/models/iris:predict",
        {method: "POST", body: JSON.stringify({instances: [[1, 0], [0, 1]]})});
    if (answer.status !== 200) throw new Error("iris answered " + answer.status);
  }
  await pause(50);
  await context.refresh();
  console.log(JSON.stringify(elements));
})().catch(error => {
  console.error(error);
  process.exit(1);
});
