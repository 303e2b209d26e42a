// The live page of a NetOrleans silo: the cluster's jobs and networks, a job's curves from its event stream, the
// network's diagram (a node per neuron grain, coloured by its silo), a neuron's weights, a 2-input network's decision
// surface and a classifier's confusion matrix. Plain JavaScript, Chart.js for the curves, SVG and canvas for the rest.
"use strict";

const SILO_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
const POSITIVE = [8, 119, 189];   // blue: w > 0, and a surface value of 1
const NEGATIVE = [245, 147, 34];  // orange: w < 0, and a surface value of 0
const REFRESH_MS = 700;

const state = {
  token: null,
  silos: [],          // every silo of the cluster, sorted: a silo's colour is its place here
  job: null,          // the selected job's id
  network: null,      // the selected network's id
  events: null,       // the job's EventSource
  summary: null,      // the selected network
  graph: null,        // its diagram's data
  neuron: null,       // [layer, index] shown in the neuron panel
  surface: null,      // the last decision surface drawn
  charts: {},
  pending: {},        // throttled refreshes
};

const $ = id => document.getElementById(id);
const fmt = (v, digits = 4) => v === undefined || v === null ? "-" : Number(v).toPrecision(digits);

// --- the token: ?token= once, then this tab's session storage; only calls that change state send it ---
function readToken() {
  const given = new URLSearchParams(location.search).get("token");
  if (given) {
    sessionStorage.setItem("netorleans-token", given);
  }
  state.token = given || sessionStorage.getItem("netorleans-token");
  $("token-state").textContent = state.token ? "token: set" : "token: none (read-only)";
}

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  if (options.body) headers["Content-Type"] = "application/json";
  if (options.token && state.token) headers["Authorization"] = "Bearer " + state.token;
  const response = await fetch(path, { ...options, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(body && body.detail ? body.detail : response.status + " " + response.statusText);
  return body;
}

function throttle(name, ms, work) {
  if (state.pending[name]) { state.pending[name].again = true; return; }
  const entry = state.pending[name] = { again: false };
  Promise.resolve().then(work).catch(showError).finally(() => setTimeout(() => {
    delete state.pending[name];
    if (entry.again) throttle(name, ms, work);
  }, ms));
}

function showError(e) { console.warn(e); }

function siloColour(silo) {
  let i = state.silos.indexOf(silo);
  if (i < 0) { state.silos.push(silo); state.silos.sort(); i = state.silos.indexOf(silo); }
  return SILO_COLOURS[i % SILO_COLOURS.length];
}

// --- the cluster, its jobs and networks, refreshed every few seconds ---
async function refreshLists() {
  const [cluster, jobs, networks] = await Promise.all([api("/api/cluster"), api("/api/jobs"), api("/api/networks")]);
  state.silos = cluster.silos.map(s => s.address).sort();
  $("silo-legend").replaceChildren(...cluster.silos.map(s => {
    const chip = document.createElement("span");
    chip.className = "silo";
    chip.dataset.silo = s.address;
    chip.title = `${s.name} (${s.status}): ${s.neurons} neuron grains`;
    chip.innerHTML = `<i style="background:${siloColour(s.address)}"></i>${s.address.split("@")[0]} · ${s.neurons}`;
    return chip;
  }));
  if (cluster.dashboard) { $("dashboard-link").href = cluster.dashboard; $("dashboard-link").hidden = false; }
  fillList("jobs", jobs, j => j.id, j => `${j.id}`, j => `${j.state} ${j.epoch}/${j.epochs}`, selectJob, state.job);
  fillList("networks", networks, n => n.id, n => n.id, n => `${n.shape} · ${n.epochs} ep`, id => selectNetwork(id), state.network);
}

function fillList(id, items, key, label, note, select, selected) {
  $(id).replaceChildren(...items.map(item => {
    const li = document.createElement("li");
    li.dataset.id = key(item);
    li.className = key(item) === selected ? "selected" : "";
    li.innerHTML = `<span>${label(item)}</span><small>${note(item)}</small>`;
    li.onclick = () => select(key(item));
    return li;
  }));
}

// --- a job: its curves from the event stream ---
function selectJob(id) {
  if (state.events) state.events.close();
  state.job = id;
  history.replaceState(null, "", "#job=" + encodeURIComponent(id));
  $("job-panel").hidden = false;
  $("empty-panel").hidden = true;
  $("job-title").textContent = id;
  resetCharts();
  const events = state.events = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
  const onJob = e => showJob(JSON.parse(e.data));
  events.addEventListener("state", onJob);
  events.addEventListener("progress", onJob);
  events.addEventListener("rollback", e => { truncateCharts(JSON.parse(e.data).epoch); onJob(e); });
  events.addEventListener("epoch", e => addEpoch(JSON.parse(e.data)));
  events.addEventListener("end", e => { onJob(e); events.close(); refreshNetworkViews(); refreshLists().catch(showError); });
  refreshLists().catch(showError);
}

function showJob(job) {
  $("job-state").textContent = job.state;
  $("job-state").className = "state " + job.state;
  state.jobNotes = ` · on ${job.trainSet || "?"}` + (job.recoveries ? ` · ${job.recoveries} recoveries` : "")
    + (job.notice ? ` · ${job.notice}` : "") + (job.error ? ` · ${job.error}` : "");
  showProgress(job.epoch, job.epochs, job.batch, job.batches, job.samplesPerSecond, job.etaSeconds);
  $("cancel-job").hidden = !(job.state === "running" || job.state === "pending");
  state.trainSet = job.trainSet;
  if (state.network !== job.network) selectNetwork(job.network, true);
}

function showProgress(epoch, epochs, batch, batches, samplesPerSecond, etaSeconds) {
  const done = epoch + (batches > 0 ? batch / batches : 0);
  $("job-progress-bar").style.width = `${Math.min(100, 100 * done / epochs)}%`;
  const eta = etaSeconds === undefined || etaSeconds === null ? "-" : `${etaSeconds.toFixed(1)} s`;
  $("job-figures").textContent = `epoch ${epoch}/${epochs}` + (batches ? `, batch ${batch}/${batches}` : "")
    + ` · ${Math.round(samplesPerSecond)} samples/s · ETA ${eta}` + (state.jobNotes || "");
}

function chart(id, label, logarithmic) {
  return new Chart($(id), {
    type: "line",
    data: { datasets: [
      { label: "train " + label, data: [], borderColor: "#0877bd", pointRadius: 0, borderWidth: 2 },
      { label: "test " + label, data: [], borderColor: "#f59322", pointRadius: 0, borderWidth: 2 },
    ] },
    options: {
      animation: false, maintainAspectRatio: false, parsing: false, normalized: true,
      scales: { x: { type: "linear", title: { display: true, text: "epoch" } }, y: { type: logarithmic ? "logarithmic" : "linear", title: { display: true, text: label } } },
      plugins: { legend: { position: "bottom" }, decimation: { enabled: true, algorithm: "lttb", samples: 500 } },
    },
  });
}

function resetCharts() {
  for (const c of Object.values(state.charts)) c.destroy();
  state.charts = { loss: chart("loss-chart", "loss", true), accuracy: chart("accuracy-chart", "accuracy", false) };
  $("accuracy-chart").parentElement.hidden = true;
}

function truncateCharts(epochs) {
  for (const c of Object.values(state.charts)) for (const d of c.data.datasets) d.data = d.data.filter(p => p.x <= epochs);
  scheduleChartUpdate();
}

function addEpoch(e) {
  const f = e.figures;
  const [loss, accuracy] = [state.charts.loss, state.charts.accuracy];
  loss.data.datasets[0].data.push({ x: e.epoch, y: f.trainLoss });
  if (f.testLoss !== undefined) loss.data.datasets[1].data.push({ x: e.epoch, y: f.testLoss });
  if (f.trainAccuracy !== undefined) accuracy.data.datasets[0].data.push({ x: e.epoch, y: f.trainAccuracy });
  if (f.testAccuracy !== undefined) accuracy.data.datasets[1].data.push({ x: e.epoch, y: f.testAccuracy });
  $("job-figures").dataset.lastEpoch = e.epoch;
  showProgress(e.epoch, e.epochs, 0, 0, e.samplesPerSecond, e.etaSeconds);
  $("accuracy-chart").parentElement.hidden = accuracy.data.datasets[0].data.length === 0;
  scheduleChartUpdate();
  refreshNetworkViews();
}

function scheduleChartUpdate() {
  if (state.chartFrame) return;
  state.chartFrame = requestAnimationFrame(() => {
    state.chartFrame = null;
    for (const c of Object.values(state.charts)) c.update("none");
  });
}

// --- a network: its diagram, surface or confusion matrix, and predictions ---
async function selectNetwork(id, fromJob) {
  state.network = id;
  state.graph = null;
  if (!fromJob) {
    if (state.events) state.events.close();
    state.job = null;
    $("job-panel").hidden = true;
    history.replaceState(null, "", "#network=" + encodeURIComponent(id));
  }
  $("network-panel").hidden = false;
  $("empty-panel").hidden = true;
  $("network-title").textContent = id;
  const summary = state.summary = await api(`/api/networks/${encodeURIComponent(id)}`);
  $("network-facts").textContent = `${summary.shape} · ${summary.layers.map(l => l.activation).join(", ")} · ${summary.loss} · ${summary.optimizer.kind} lr ${summary.optimizer.learningRate} · ${summary.steps} steps`
    + (summary.created ? ` · created ${new Date(summary.created).toLocaleString()}` : "")
    + (summary.lastTrained ? ` · last trained ${new Date(summary.lastTrained).toLocaleString()}` : "");
  $("predict-input").placeholder = summary.inputs === 2 ? "128,63" : `${summary.inputs} numbers, comma-separated`;
  $("surface-box").hidden = summary.inputs !== 2;
  $("confusion-box").hidden = !(summary.classes && summary.classes.length > 1 && state.job);
  if (state.wantedNeuron) {
    state.neuron = state.wantedNeuron;
    state.wantedNeuron = null;
  }
  refreshNetworkViews();
  refreshLists().catch(showError);
}

function refreshNetworkViews() {
  if (!state.network) return;
  throttle("graph", REFRESH_MS, drawGraph);
  if (state.summary && state.summary.inputs === 2) throttle("surface", REFRESH_MS, drawSurface);
  if (!$("confusion-box").hidden) throttle("confusion", 3000, drawConfusion);
  if (state.neuron) throttle("neuron", REFRESH_MS, () => showNeuron(...state.neuron));
}

async function drawGraph() {
  const graph = state.graph = await api(`/api/networks/${encodeURIComponent(state.network)}/graph?edges=8`);
  const svg = $("diagram");
  const width = svg.clientWidth || 900, height = svg.clientHeight || 420, margin = 24;
  const columns = graph.sizes.length;
  const x = l => margin + (width - 2 * margin) * (columns === 1 ? 0.5 : l / (columns - 1));
  const spacing = n => Math.min(40, (height - 2 * margin) / Math.max(1, n));
  const y = (l, i) => height / 2 + (i - (graph.sizes[l] - 1) / 2) * spacing(graph.sizes[l]);
  const radius = l => Math.max(1.2, Math.min(12, spacing(graph.sizes[l]) / 2.6));
  const maxWeight = Math.max(1e-12, ...graph.neurons.flatMap(n => n.edges.map(e => Math.abs(e.weight))));
  const parts = [];
  let hidden = 0;
  for (const n of graph.neurons) {
    hidden += n.otherEdges;
    for (const e of n.edges) {
      const [r, g, b] = e.weight >= 0 ? POSITIVE : NEGATIVE;
      const w = 0.3 + 4 * Math.abs(e.weight) / maxWeight;
      parts.push(`<line class="edge" x1="${x(n.layer - 1)}" y1="${y(n.layer - 1, e.from)}" x2="${x(n.layer)}" y2="${y(n.layer, n.index)}" stroke="rgb(${r},${g},${b})" stroke-opacity="0.7" stroke-width="${w.toFixed(2)}"><title>w = ${fmt(e.weight)}</title></line>`);
    }
  }
  for (let i = 0; i < graph.sizes[0]; i++) {
    parts.push(`<circle class="input" cx="${x(0)}" cy="${y(0, i)}" r="${radius(0)}"><title>input ${i}</title></circle>`);
  }
  for (const n of graph.neurons) {
    const selected = state.neuron && state.neuron[0] === n.layer && state.neuron[1] === n.index ? " selected" : "";
    parts.push(`<circle class="neuron${selected}" data-layer="${n.layer}" data-index="${n.index}" data-silo="${n.silo}" cx="${x(n.layer)}" cy="${y(n.layer, n.index)}" r="${radius(n.layer)}" fill="${siloColour(n.silo)}"><title>L${n.layer}/N${n.index} on ${n.silo} · b = ${fmt(n.bias)}</title></circle>`);
  }
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.innerHTML = parts.join("");
  svg.dataset.silos = graph.silos.join(" ");
  svg.querySelectorAll(".neuron").forEach(c => c.addEventListener("click", () => showNeuron(+c.dataset.layer, +c.dataset.index)));
  $("diagram-note").textContent = `${graph.neurons.length} neuron grains on ${graph.silos.length} silo${graph.silos.length === 1 ? "" : "s"}`
    + (hidden ? ` · the ${graph.edgesPerNeuron} strongest edges of each neuron drawn, ${hidden} weaker ones not` : " · every edge drawn")
    + " · blue w > 0, orange w < 0, width |w|";
}

async function drawSurface() {
  const data = state.trainSet ? `&data=${encodeURIComponent(state.trainSet)}` : "";
  const s = state.surface = await api(`/api/networks/${encodeURIComponent(state.network)}/surface?size=48${data}`);
  const canvas = $("surface"), g = canvas.getContext("2d");
  const cell = canvas.width / s.size;
  for (let row = 0; row < s.size; row++) {
    for (let col = 0; col < s.size; col++) {
      g.fillStyle = surfaceColour(s.values[row * s.size + col]);
      g.fillRect(col * cell, canvas.height - (row + 1) * cell, cell + 1, cell + 1);
    }
  }
  for (const p of s.points) {
    const [px, py] = surfacePixel(p.x, p.y);
    g.beginPath();
    g.arc(px, py, 5, 0, 2 * Math.PI);
    g.fillStyle = p.target > 0.5 ? "rgb(8,119,189)" : "rgb(245,147,34)";
    g.strokeStyle = "#222";
    g.lineWidth = 1.5;
    g.fill();
    g.stroke();
  }
  $("surface-note").textContent = `${s.featureNames[0]} ${fmt(s.xMin, 3)} … ${fmt(s.xMax, 3)} → · ${s.featureNames[1]} ${fmt(s.yMin, 3)} … ${fmt(s.yMax, 3)} ↑ · output: orange 0, blue 1`;
}

function surfaceColour(v) {
  const t = Math.max(0, Math.min(1, v));
  const mix = (a, b) => Math.round(a + (b - a) * Math.abs(2 * t - 1));
  const end = t >= 0.5 ? POSITIVE : NEGATIVE;
  return `rgb(${mix(255, end[0])},${mix(255, end[1])},${mix(255, end[2])})`;
}

/** The canvas pixel of the data point (x, y) on the surface drawn last. */
function surfacePixel(x, y) {
  const s = state.surface, canvas = $("surface");
  return [(x - s.xMin) / (s.xMax - s.xMin) * canvas.width, canvas.height - (y - s.yMin) / (s.yMax - s.yMin) * canvas.height];
}

async function drawConfusion() {
  if (!state.job) return;
  const c = await api(`/api/jobs/${encodeURIComponent(state.job)}/confusion?wrong=8`);
  const max = Math.max(1, ...c.matrix.flat());
  const header = `<tr><th></th>${c.classes.map(k => `<th>${k}</th>`).join("")}</tr>`;
  const rows = c.matrix.map((r, i) => `<tr><th>${c.classes[i]}</th>${r.map((v, j) =>
    `<td style="background:rgba(${i === j ? "8,119,189" : "245,147,34"},${(v / max).toFixed(3)})">${v}</td>`).join("")}</tr>`);
  $("confusion").innerHTML = header + rows.join("");
  $("confusion-accuracy").textContent = `(${(100 * c.accuracy).toFixed(1)}% right on ${c.dataSet}; rows actual, columns predicted)`;
  $("misclassified").replaceChildren(...c.wrong.map(w => {
    const figure = document.createElement("figure");
    if (w.pixels) figure.append(imageOf(w.pixels, 2, v => [255 - 255 * v, 255 - 255 * v, 255 - 255 * v]));
    const caption = document.createElement("figcaption");
    caption.textContent = `${w.label} → ${w.predicted}`;
    figure.append(caption);
    return figure;
  }));
}

function imageOf(values, scale, colour) {
  const side = Math.round(Math.sqrt(values.length));
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = side * scale;
  paintImage(canvas, values, colour);
  return canvas;
}

function paintImage(canvas, values, colour) {
  const side = Math.round(Math.sqrt(values.length)), cell = canvas.width / side, g = canvas.getContext("2d");
  values.forEach((v, i) => {
    const [r, gr, b] = colour(v);
    g.fillStyle = `rgb(${Math.round(r)},${Math.round(gr)},${Math.round(b)})`;
    g.fillRect((i % side) * cell, Math.floor(i / side) * cell, cell, cell);
  });
}

// --- a neuron: its weights, bias, silo, calls and spans ---
async function showNeuron(layer, index) {
  state.neuron = [layer, index];
  const n = await api(`/api/networks/${encodeURIComponent(state.network)}/neurons/${layer}/${index}`);
  $("neuron-panel").hidden = false;
  $("neuron-title").textContent = `neuron L${layer}/N${index} of ${n.network}`;
  $("neuron-facts").innerHTML = `<span class="silo" style="background:${siloColour(n.silo)};color:#fff">silo ${n.silo}</span> · ${n.activation} · bias <b id="neuron-bias">${fmt(n.bias, 6)}</b> · ${n.steps} steps · `
    + `calls: ${n.calls.forward} forward, ${n.calls.backward} backward, ${n.calls.predict} predict · ${n.optimizer.kind} lr ${n.optimizer.learningRate}`
    + (n.momentNormM !== undefined ? ` · |m| ${fmt(n.momentNormM)}, |v| ${fmt(n.momentNormV)}` : "")
    + (n.lastActivations.length ? ` · last a: ${n.lastActivations.slice(0, 4).map(a => fmt(a, 3)).join(", ")}` : "");
  const panel = $("neuron-panel");
  panel.dataset.weights = JSON.stringify(n.weights);
  const image = n.weights.length === 784;
  $("weights-image").hidden = !image;
  $("weights-box").hidden = image;
  if (image) {
    const max = Math.max(1e-12, ...n.weights.map(Math.abs));
    paintImage($("weights-image"), n.weights, w => {
      const t = Math.abs(w) / max, end = w >= 0 ? POSITIVE : NEGATIVE;
      return [255 + (end[0] - 255) * t, 255 + (end[1] - 255) * t, 255 + (end[2] - 255) * t];
    });
  } else {
    if (state.charts.weights) state.charts.weights.destroy();
    state.charts.weights = new Chart($("weights-chart"), {
      type: "bar",
      data: { labels: n.weights.map((_, j) => `w${j}`), datasets: [{ label: "weights", data: n.weights,
        backgroundColor: n.weights.map(w => w >= 0 ? "rgb(8,119,189)" : "rgb(245,147,34)") }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }
  $("neuron-spans").innerHTML = n.recentSpans.length
    ? "<tr><th>span</th><th>started</th><th>ms</th><th>batch</th></tr>" + n.recentSpans.map(s =>
      `<tr><td>${s.name}</td><td>${new Date(s.start).toLocaleTimeString()}</td><td>${s.durationMs.toFixed(3)}</td><td>${s.batch ?? ""}</td></tr>`).join("")
    : "<tr><td>none: start the silo with --trace console (or file:PATH) to keep each neuron's recent spans</td></tr>";
  document.querySelectorAll("#diagram .neuron").forEach(c => c.classList.toggle("selected", +c.dataset.layer === layer && +c.dataset.index === index));
}

// --- forms ---
$("predict-form").addEventListener("submit", async e => {
  e.preventDefault();
  const row = $("predict-input").value.split(/[ ,]+/).filter(Boolean).map(Number);
  try {
    const r = await api(`/api/networks/${encodeURIComponent(state.network)}/predict`, { method: "POST", body: JSON.stringify({ row }) });
    $("predict-result").textContent = `outputs: ${r.outputs[0].map(v => fmt(v, 6)).join(", ")}` + (r.predicted ? `\nclass: ${r.predicted[0]}` : "");
  } catch (err) { $("predict-result").textContent = err.message; }
});

$("start-form").addEventListener("submit", async e => {
  e.preventDefault();
  const f = new FormData(e.target);
  const body = { data: f.get("data"), epochs: +f.get("epochs"), lr: +f.get("lr"), batchSize: +f.get("batchSize"), optimizer: f.get("optimizer") };
  if (f.get("layers")) body.layers = f.get("layers");
  try {
    const job = await api("/api/jobs", { method: "POST", body: JSON.stringify(body), token: true });
    $("start-result").textContent = `started ${job.id}`;
    selectJob(job.id);
  } catch (err) { $("start-result").textContent = err.message; }
});

$("cancel-job").addEventListener("click", async () => {
  try { await api(`/api/jobs/${encodeURIComponent(state.job)}/cancel`, { method: "POST", token: true }); }
  catch (err) { $("job-figures").textContent = err.message; }
});

$("close-neuron").addEventListener("click", () => { state.neuron = null; $("neuron-panel").hidden = true; });

// --- start: the token, the lists, and what the link's #job= or #network= names ---
window.netorleans = { state, surfacePixel, selectJob, selectNetwork, showNeuron };
readToken();
const wanted = new URLSearchParams(location.hash.slice(1));
if (/^\d+\/\d+$/.test(wanted.get("neuron") || "")) state.wantedNeuron = wanted.get("neuron").split("/").map(Number);
refreshLists().then(() => {
  if (wanted.get("job")) selectJob(wanted.get("job"));
  else if (wanted.get("network")) selectNetwork(wanted.get("network"));
}).catch(showError);
setInterval(() => refreshLists().catch(showError), 3000);
