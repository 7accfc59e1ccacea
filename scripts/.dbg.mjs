import puppeteer from 'puppeteer-core';
const [file, id] = process.argv.slice(2);
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
await p.goto('file://' + file, { waitUntil: 'load' });
await p.evaluate('document.fonts.ready');
const out = await p.evaluate((id) => {
  const m = document.getElementById(id);
  const body = m.querySelector('.body');
  const box = body.getBoundingClientRect();
  const lead = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--leading'));
  const res = [];
  for (const el of body.querySelectorAll(':scope > p, :scope > h3')) {
    const r = document.createRange(); r.selectNodeContents(el);
    const rs = [...r.getClientRects()].filter(x => x.width > 1);
    const cols = [...new Set(rs.map(x => Math.round((x.left - box.left) / 150)))];
    res.push(`${el.tagName}.${el.className} lines@${rs.length ? ((rs[0].top - box.top) / lead).toFixed(2) : '-'}..${rs.length ? ((rs[rs.length-1].bottom - box.top) / lead).toFixed(2) : '-'} cols ${cols} ${el.textContent.slice(0, 12)}`);
  }
  return [`box h ${(box.height/lead).toFixed(2)} colfill ${getComputedStyle(body).columnFill}`, ...res].join('\n');
}, id);
console.log(out);
await b.close();
