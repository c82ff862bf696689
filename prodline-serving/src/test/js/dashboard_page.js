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

const rendered = () => elements.meta.textContent !== "" || elements.meta.innerHTML !== "";
(async () => {
  // The read the page starts by itself ends by writing the meta line; after it, only this script's reads render.
  while (!rendered()) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  await context.refresh();
  for (let i = 0; i < 5; i++) {
    const answer = await fetch(base + "/v1/models/iris:predict",
        {method: "POST", body: JSON.stringify({instances: [[1, 0], [0, 1]]})});
    if (answer.status !== 200) throw new Error("iris answered " + answer.status);
  }
  await context.refresh(); // statistics are recorded before an answer is sent, so all five are counted
  console.log(JSON.stringify(elements));
})().catch(error => {
  console.error(error);
  process.exit(1);
});
