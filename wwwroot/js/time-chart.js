// Hover, keys and tap for the server-drawn chart (Shared/Components/Charts/TimeChart): one set of listeners per
// chart and none per point, so an open page holds no per-point elements or handlers on the server
// (docs/performance.md). The bucket under the pointer is found from the svg's data-columns (x of each bucket in the
// drawing); its words come from the server once per bucket and are kept until data-version changes.
window.warRoomChart = (() => {
  const charts = new WeakMap();

  function columnsOf(svg, state) {
    if (state.version !== svg.dataset.version) {
      state.version = svg.dataset.version;
      state.xs = (svg.dataset.columns || '').split(' ').filter(x => x.length > 0).map(Number);
      state.texts = new Map();
    }
    return state.xs;
  }

  // The bucket nearest to a point of the screen, by its x in the drawing.
  function nearest(svg, state, clientX, clientY) {
    const xs = columnsOf(svg, state);
    const matrix = svg.getScreenCTM();
    if (xs.length === 0 || !matrix) return -1;
    const x = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse()).x;
    let low = 0, high = xs.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (xs[middle] < x) low = middle + 1; else high = middle;
    }
    return low > 0 && x - xs[low - 1] < xs[low] - x ? low - 1 : low;
  }

  async function show(svg, state, index) {
    const xs = columnsOf(svg, state);
    if (index < 0 || index >= xs.length) return;
    state.index = index;
    const cursor = svg.querySelector('.time-chart__cursor');
    cursor.setAttribute('x1', xs[index]);
    cursor.setAttribute('x2', xs[index]);
    cursor.classList.add('time-chart__cursor--shown');
    const version = state.version;
    let text = state.texts.get(index);
    if (text === undefined) {
      text = await state.dotnet.invokeMethodAsync('HoverTextAt', index);
      if (state.version !== version) return;
      state.texts.set(index, text);
    }
    if (state.index !== index) return;
    const tip = state.tip;
    tip.textContent = text;
    tip.hidden = false;
    const box = svg.parentElement.getBoundingClientRect();
    const matrix = svg.getScreenCTM();
    const left = matrix ? matrix.a * xs[index] + matrix.e - box.left : 0;
    tip.style.left = `${Math.max(0, Math.min(left + 8, box.width - tip.offsetWidth))}px`;
  }

  function hide(svg, state) {
    state.index = -1;
    svg.querySelector('.time-chart__cursor')?.classList.remove('time-chart__cursor--shown');
    state.tip.hidden = true;
  }

  function attach(svg, dotnet) {
    if (!svg || charts.has(svg)) return;
    const area = svg.querySelector('.time-chart__hover-area');
    const state = { dotnet, version: null, xs: [], texts: new Map(), index: -1, tip: svg.parentElement.querySelector('.time-chart__tip') };
    const handlers = {
      move: e => { const i = nearest(svg, state, e.clientX, e.clientY); if (i !== state.index) show(svg, state, i); },
      leave: () => hide(svg, state),
      click: e => { const i = nearest(svg, state, e.clientX, e.clientY); if (i >= 0) dotnet.invokeMethodAsync('PickColumn', i); },
      key: e => {
        const count = columnsOf(svg, state).length;
        if (count === 0) return;
        const at = state.index < 0 ? count - 1 : state.index;
        const moves = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: count - 1 };
        if (e.key in moves) {
          e.preventDefault();
          show(svg, state, Math.max(0, Math.min(count - 1, moves[e.key])));
        } else if ((e.key === 'Enter' || e.key === ' ') && state.index >= 0) {
          e.preventDefault();
          dotnet.invokeMethodAsync('PickColumn', state.index);
        } else if (e.key === 'Escape') {
          hide(svg, state);
        }
      },
      blur: () => hide(svg, state),
    };
    area.addEventListener('pointermove', handlers.move);
    area.addEventListener('pointerleave', handlers.leave);
    area.addEventListener('click', handlers.click);
    svg.addEventListener('keydown', handlers.key);
    svg.addEventListener('blur', handlers.blur);
    charts.set(svg, { area, handlers });
  }

  function detach(svg) {
    const chart = svg && charts.get(svg);
    if (!chart) return;
    chart.area.removeEventListener('pointermove', chart.handlers.move);
    chart.area.removeEventListener('pointerleave', chart.handlers.leave);
    chart.area.removeEventListener('click', chart.handlers.click);
    svg.removeEventListener('keydown', chart.handlers.key);
    svg.removeEventListener('blur', chart.handlers.blur);
    charts.delete(svg);
  }

  return { attach, detach };
})();
