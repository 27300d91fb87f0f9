'use strict';
// The prompting page: one template, four prompt types, the template's own mask after every change, then the
// prompted template(s) applied to the task's other images. All model work happens on the server (PromptServer).
(() => {
  const $ = (id) => document.getElementById(id);
  const state = {
    task: null, id: null, width: 0, height: 0,
    tool: 'click', foreground: true,
    clicks: [], box: null, strokes: [], seglab: null, seglabPainted: false,
    drag: null, history: [], templates: [], seq: 0, tasks: [],
  };

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
    };
    return send(path, options);
  }

  async function send(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      throw new Error('the server cannot be reached (' + e.message + ')');
    }
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch (e) { /* not JSON: reported below */ }
    if (!response.ok) {
      throw new Error(json && json.error ? json.error : 'HTTP ' + response.status);
    }
    return json;
  }

  function showError(message) {
    $('error').textContent = message || '';
    $('error').hidden = !message;
  }

  function status(message) {
    $('status').textContent = message;
  }

  function imageUrl(task, id) {
    return '/api/image?task=' + encodeURIComponent(task) + '&id=' + encodeURIComponent(id);
  }

  // ---- tasks and images -------------------------------------------------------------------------------------

  async function loadTasks(selectTask, selectId) {
    const info = await api('/api/tasks');
    $('model-info').textContent = 'model ' + info.model + ' · data ' + (info.data || 'none (uploads only)');
    state.tasks = info.tasks.map((t) => ({name: t.name, ids: t.ids}));
    if (info.uploads.length) {
      state.tasks.push({name: 'uploads', ids: info.uploads});
    }
    const select = $('task');
    select.innerHTML = '';
    for (const t of state.tasks) {
      const option = document.createElement('option');
      option.value = t.name;
      option.textContent = t.name + ' (' + t.ids.length + ')';
      select.appendChild(option);
    }
    const task = selectTask || (state.tasks[0] && state.tasks[0].name);
    if (task) {
      showTask(task, selectId);
    }
  }

  function showTask(name, selectId) {
    const task = state.tasks.find((t) => t.name === name);
    $('task').value = task ? name : '';
    const list = $('images');
    list.innerHTML = '';
    if (state.task !== name) {
      state.templates = [];
      updateTemplateCount();
      $('results').innerHTML = '';
      $('mean-dice').textContent = '';
    }
    state.task = name;
    for (const id of task ? task.ids : []) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.textContent = id;
      button.dataset.id = id;
      button.addEventListener('click', () => selectImage(id));
      item.appendChild(button);
      list.appendChild(item);
    }
    if (selectId) {
      selectImage(selectId);
    }
  }

  function selectImage(id) {
    state.id = id;
    for (const b of $('images').querySelectorAll('button')) {
      b.classList.toggle('selected', b.dataset.id === id);
    }
    resetPrompt();
    showError('');
    const img = $('template-image');
    img.onload = () => {
      state.width = img.naturalWidth;
      state.height = img.naturalHeight;
      const canvas = $('prompt-canvas');
      canvas.width = state.width;
      canvas.height = state.height;
      state.seglab = document.createElement('canvas');
      state.seglab.width = state.width;
      state.seglab.height = state.height;
      $('placeholder').hidden = true;
      img.hidden = false;
      canvas.hidden = false;
      $('mask-overlay').hidden = true;
      redraw();
      status(state.task + ' / ' + id + ' (' + state.width + ' x ' + state.height + '): prompt it with the tools above');
    };
    img.onerror = async () => {
      img.hidden = true;
      $('prompt-canvas').hidden = true;
      $('placeholder').hidden = false;
      try {
        await send(imageUrl(state.task, id), {});
        showError('the image could not be shown');
      } catch (e) {
        showError(e.message);
      }
    };
    img.src = imageUrl(state.task, id);
  }

  // ---- prompts ----------------------------------------------------------------------------------------------

  function resetPrompt() {
    state.clicks = [];
    state.box = null;
    state.strokes = [];
    state.seglabPainted = false;
    state.history = [];
    if (state.seglab) {
      state.seglab.getContext('2d').clearRect(0, 0, state.seglab.width, state.seglab.height);
    }
    $('mask-overlay').hidden = true;
    redraw();
  }

  function currentPrompt() {
    switch (state.tool) {
      case 'click':
        return state.clicks.length ? {type: 'click', content: {points: state.clicks.map((c) => [c.x, c.y, c.fg ? 1 : 0])}} : null;
      case 'bbox':
        return state.box ? {type: 'bbox', content: [state.box.x0, state.box.y0, state.box.x1, state.box.y1]} : null;
      case 'doodle':
        return state.strokes.length ? {type: 'doodle', content: {strokes: state.strokes.map((s) => ({points: s.points, width: s.width, foreground: s.fg}))}} : null;
      case 'seglab':
        return state.seglabPainted ? {type: 'seglab', content: {maskPng: state.seglab.toDataURL('image/png')}} : null;
      default:
        return null;
    }
  }

  function snapshot() {
    state.history.push({
      clicks: state.clicks.slice(), box: state.box, strokes: state.strokes.map((s) => ({...s, points: s.points.slice()})),
      seglab: state.seglabPainted ? state.seglab.toDataURL('image/png') : null,
    });
    if (state.history.length > 100) {
      state.history.shift();
    }
  }

  function undo() {
    const previous = state.history.pop();
    if (!previous) {
      status('nothing to undo');
      return;
    }
    state.clicks = previous.clicks;
    state.box = previous.box;
    state.strokes = previous.strokes;
    const ctx = state.seglab.getContext('2d');
    ctx.clearRect(0, 0, state.seglab.width, state.seglab.height);
    state.seglabPainted = previous.seglab !== null;
    if (previous.seglab) {
      const img = new Image();
      img.onload = () => { ctx.drawImage(img, 0, 0); redraw(); segment(); };
      img.src = previous.seglab;
      return;
    }
    redraw();
    segment();
  }

  function brushWidth() {
    return Math.max(3, Math.round(Math.min(state.width, state.height) / 40));
  }

  function toImage(event) {
    const rect = $('prompt-canvas').getBoundingClientRect();
    const x = (event.clientX - rect.left) * state.width / rect.width;
    const y = (event.clientY - rect.top) * state.height / rect.height;
    return {x: Math.round(Math.min(state.width - 1, Math.max(0, x)) * 10) / 10,
      y: Math.round(Math.min(state.height - 1, Math.max(0, y)) * 10) / 10};
  }

  function paint(p) {
    const ctx = state.seglab.getContext('2d');
    ctx.globalCompositeOperation = state.foreground ? 'source-over' : 'destination-out';
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(p.x, p.y, brushWidth(), 0, 2 * Math.PI);
    ctx.fill();
    ctx.globalCompositeOperation = 'source-over';
    state.seglabPainted = true;
  }

  function redraw() {
    const canvas = $('prompt-canvas');
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const unit = Math.max(1.5, Math.min(state.width, state.height) / 150);
    if (state.tool === 'seglab' && state.seglab) {
      ctx.globalAlpha = 0.45;
      ctx.drawImage(state.seglab, 0, 0);
      ctx.globalCompositeOperation = 'source-atop';
      ctx.fillStyle = '#2bd65a';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.globalCompositeOperation = 'source-over';
      ctx.globalAlpha = 1;
    }
    if (state.tool === 'click') {
      for (const c of state.clicks) {
        ctx.fillStyle = c.fg ? '#2bd65a' : '#ff3b30';
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = unit;
        ctx.beginPath();
        ctx.arc(c.x, c.y, 3 * unit, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    }
    const box = state.drag && state.tool === 'bbox' ? state.drag.box : state.box;
    if (state.tool === 'bbox' && box) {
      ctx.strokeStyle = '#2bd65a';
      ctx.lineWidth = 1.5 * unit;
      ctx.strokeRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    }
    if (state.tool === 'doodle') {
      for (const s of state.strokes) {
        ctx.strokeStyle = s.fg ? '#2bd65a' : '#ff3b30';
        ctx.lineWidth = s.width;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.beginPath();
        s.points.forEach((p, i) => (i ? ctx.lineTo(p[0], p[1]) : ctx.moveTo(p[0], p[1])));
        if (s.points.length === 1) {
          ctx.lineTo(s.points[0][0] + 0.1, s.points[0][1]);
        }
        ctx.stroke();
      }
    }
  }

  async function segment() {
    const prompt = currentPrompt();
    const seq = ++state.seq;
    if (!prompt) {
      $('mask-overlay').hidden = true;
      status('no prompt yet');
      return;
    }
    status('segmenting…');
    try {
      const r = await api('/api/segment', {task: state.task, id: state.id, prompt});
      if (seq !== state.seq) {
        return; // a newer prompt is on its way
      }
      showMask(r);
    } catch (e) {
      if (seq === state.seq) {
        showError(e.message);
        status('');
      }
    }
  }

  function showMask(r) {
    const overlay = $('mask-overlay');
    overlay.src = r.mask;
    overlay.hidden = false;
    const stage = $('stage');
    stage.dataset.masks = String(Number(stage.dataset.masks || 0) + 1);
    status('mask in ' + r.millis + ' ms · predicted IoU ' + r.predictedIou.toFixed(2)
        + (r.dice !== null && r.dice !== undefined ? ' · Dice ' + r.dice.toFixed(3) : ''));
    showError('');
  }

  /** For scripted use and tests: segments the current image with any prompt object, as the tools do. */
  async function segmentWith(prompt) {
    const seq = ++state.seq;
    try {
      showMask(await api('/api/segment', {task: state.task, id: state.id, prompt}));
    } catch (e) {
      if (seq === state.seq) {
        showError(e.message);
      }
    }
  }

  function onPointerDown(event) {
    if (!state.id) {
      return;
    }
    event.preventDefault();
    const p = toImage(event);
    $('prompt-canvas').setPointerCapture(event.pointerId);
    if (state.tool === 'click') {
      snapshot();
      state.clicks.push({x: p.x, y: p.y, fg: event.button === 0 && !event.shiftKey && !event.altKey});
      redraw();
      segment();
    } else if (state.tool === 'bbox') {
      state.drag = {start: p, box: {x0: p.x, y0: p.y, x1: p.x, y1: p.y}};
    } else if (state.tool === 'doodle') {
      snapshot();
      state.drag = {stroke: {points: [[p.x, p.y]], width: brushWidth(), fg: state.foreground}};
      state.strokes.push(state.drag.stroke);
      redraw();
    } else if (state.tool === 'seglab') {
      snapshot();
      state.drag = {painting: true};
      paint(p);
      redraw();
    }
  }

  function onPointerMove(event) {
    if (!state.drag) {
      return;
    }
    const p = toImage(event);
    if (state.tool === 'bbox') {
      const s = state.drag.start;
      state.drag.box = {x0: Math.min(s.x, p.x), y0: Math.min(s.y, p.y), x1: Math.max(s.x, p.x), y1: Math.max(s.y, p.y)};
    } else if (state.tool === 'doodle') {
      const points = state.drag.stroke.points;
      const last = points[points.length - 1];
      if (Math.hypot(p.x - last[0], p.y - last[1]) >= 1) {
        points.push([p.x, p.y]);
      }
    } else if (state.tool === 'seglab') {
      paint(p);
    }
    redraw();
  }

  function onPointerUp(event) {
    if (!state.drag) {
      return;
    }
    onPointerMove(event);
    if (state.tool === 'bbox') {
      const b = state.drag.box;
      state.drag = null;
      if (b.x1 - b.x0 < 2 || b.y1 - b.y0 < 2) {
        status('drag to draw a box');
        redraw();
        return;
      }
      snapshot();
      state.box = b;
    }
    state.drag = null;
    redraw();
    segment();
  }

  function selectTool(tool) {
    state.tool = tool;
    for (const b of document.querySelectorAll('.tool')) {
      b.classList.toggle('active', b.dataset.tool === tool);
    }
    redraw();
    if (state.id) {
      segment();
    }
  }

  function selectBrush(foreground) {
    state.foreground = foreground;
    $('brush-fg').classList.toggle('active', foreground);
    $('brush-bg').classList.toggle('active', !foreground);
  }

  async function loadMaskFile(file) {
    if (!state.id) {
      showError('choose a template image before its mask');
      return;
    }
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      const ctx = state.seglab.getContext('2d');
      snapshot();
      ctx.clearRect(0, 0, state.width, state.height);
      ctx.drawImage(img, 0, 0, state.width, state.height);
      const data = ctx.getImageData(0, 0, state.width, state.height);
      let painted = 0;
      for (let i = 0; i < data.data.length; i += 4) {
        const on = data.data[i + 3] > 0 && (data.data[i] + data.data[i + 1] + data.data[i + 2]) > 0;
        data.data[i] = data.data[i + 1] = data.data[i + 2] = 255;
        data.data[i + 3] = on ? 255 : 0;
        painted += on ? 1 : 0;
      }
      ctx.putImageData(data, 0, 0);
      state.seglabPainted = painted > 0;
      selectTool('seglab');
      if (!painted) {
        showError('the mask file is empty: it has no non-black pixel');
      }
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      showError(file.name + ' is not an image the browser can read');
    };
    img.src = url;
  }

  // ---- templates, apply, save, export ------------------------------------------------------------------------

  function updateTemplateCount() {
    $('templates-count').textContent = state.templates.length
      ? 'templates: ' + state.templates.length + ' kept + current' : 'templates: current only';
  }

  function templatesForRequest() {
    const list = state.templates.slice();
    const prompt = currentPrompt();
    if (prompt) {
      const current = {id: state.id, prompt};
      if (!list.some((t) => JSON.stringify(t) === JSON.stringify(current))) {
        list.push(current);
      }
    }
    return list;
  }

  function addTemplate() {
    const prompt = currentPrompt();
    if (!prompt) {
      showError('prompt the template before keeping it');
      return;
    }
    state.templates.push({id: state.id, prompt});
    updateTemplateCount();
    status('kept ' + state.id + ' (' + prompt.type + ') as template ' + state.templates.length);
  }

  async function apply() {
    const templates = templatesForRequest();
    if (!templates.length) {
      showError('prompt a template first');
      return;
    }
    status('applying ' + templates.length + ' template(s) to ' + state.task + '…');
    try {
      const r = await api('/api/apply', {task: state.task, templates});
      renderResults(r);
      status('applied ' + r.templates + ' template(s) to ' + r.results.length + ' images in ' + r.millis + ' ms');
      showError('');
    } catch (e) {
      showError(e.message);
      status('');
    }
  }

  function renderResults(r) {
    const grid = $('results');
    grid.innerHTML = '';
    const showVariance = $('show-variance').checked;
    for (const item of r.results) {
      const cell = document.createElement('div');
      cell.className = 'result';
      cell.dataset.id = item.id;
      const thumb = document.createElement('div');
      thumb.className = 'thumb';
      const img = document.createElement('img');
      img.src = imageUrl(state.task, item.id);
      img.alt = item.id;
      const overlay = document.createElement('img');
      overlay.className = 'overlay';
      overlay.src = item.mask;
      overlay.alt = '';
      overlay.hidden = showVariance && !!item.variance;
      thumb.append(img, overlay);
      if (item.variance) {
        const variance = document.createElement('img');
        variance.className = 'variance';
        variance.src = item.variance;
        variance.alt = '';
        variance.hidden = !showVariance;
        thumb.appendChild(variance);
      }
      const caption = document.createElement('div');
      caption.className = 'caption';
      const name = document.createElement('span');
      name.textContent = item.id;
      const dice = document.createElement('span');
      dice.className = 'dice';
      dice.textContent = item.dice === null ? '' : 'Dice ' + item.dice.toFixed(3);
      caption.append(name, dice);
      cell.append(thumb, caption);
      grid.appendChild(cell);
    }
    $('mean-dice').textContent = r.meanDice === null ? '' : '· mean Dice ' + r.meanDice.toFixed(3) + ' over '
        + r.results.filter((x) => x.dice !== null).length + ' images';
  }

  function toggleVariance() {
    const show = $('show-variance').checked;
    for (const cell of document.querySelectorAll('.result')) {
      const variance = cell.querySelector('img.variance');
      if (variance) {
        variance.hidden = !show;
        cell.querySelector('img.overlay').hidden = show;
      }
    }
  }

  async function save() {
    const prompt = currentPrompt();
    if (!prompt) {
      showError('prompt the template before saving');
      return;
    }
    try {
      const r = await api('/api/save', {task: state.task, id: state.id, prompt});
      status('prompt saved to ' + r.file + ' (' + r.records + ' record(s))');
      showError('');
    } catch (e) {
      showError(e.message);
    }
  }

  async function exportMasks() {
    const templates = templatesForRequest();
    if (!templates.length) {
      showError('prompt a template first');
      return;
    }
    status('exporting masks of ' + state.task + '…');
    try {
      const r = await api('/api/export', {task: state.task, templates});
      status('exported ' + r.files + ' mask file(s) to ' + r.folder + ' in ' + r.millis + ' ms');
      showError('');
    } catch (e) {
      showError(e.message);
      status('');
    }
  }

  async function upload(file) {
    status('uploading ' + file.name + '…');
    try {
      const r = await send('/api/upload?name=' + encodeURIComponent(file.name),
          {method: 'POST', headers: {'Content-Type': 'application/octet-stream'}, body: file});
      await loadTasks('uploads', r.id);
      showError('');
    } catch (e) {
      showError(e.message);
      status('');
    }
  }

  // ---- wiring -----------------------------------------------------------------------------------------------

  const canvas = $('prompt-canvas');
  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  for (const b of document.querySelectorAll('.tool')) {
    b.addEventListener('click', () => selectTool(b.dataset.tool));
  }
  $('brush-fg').addEventListener('click', () => selectBrush(true));
  $('brush-bg').addEventListener('click', () => selectBrush(false));
  $('undo').addEventListener('click', undo);
  $('clear').addEventListener('click', () => { snapshot(); const h = state.history; resetPrompt(); state.history = h; segment(); });
  $('add-template').addEventListener('click', addTemplate);
  $('apply').addEventListener('click', apply);
  $('show-variance').addEventListener('change', toggleVariance);
  $('save').addEventListener('click', save);
  $('export').addEventListener('click', exportMasks);
  $('task').addEventListener('change', () => showTask($('task').value));
  $('upload').addEventListener('change', (e) => e.target.files[0] && upload(e.target.files[0]));
  $('seglab-file').addEventListener('change', (e) => e.target.files[0] && loadMaskFile(e.target.files[0]));
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
      e.preventDefault();
      undo();
    }
  });

  window.onepro = {state, segmentWith};

  // #task=NAME&id=ID opens an image directly (a link to share, or a bookmark).
  const link = new URLSearchParams(location.hash.slice(1));
  loadTasks(link.get('task'), link.get('id')).catch((e) => showError(e.message));
})();
