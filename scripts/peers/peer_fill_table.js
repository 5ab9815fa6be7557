// Peer of pair 2: docxtemplater + pizzip fill the template's table with the demands' rows and write the .docx
// (DEFLATE, as our writer compresses).
// Usage: node peer_fill_table.js ITERATIONS WARMUP TEMPLATE.docx ROWS.json OUT.docx   Prints {"ms": [wall], "cpu": [process CPU], "bytes": n}.
const fs = require('fs');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const [iterations, warmup] = [Number(process.argv[2]), Number(process.argv[3])];
const template = fs.readFileSync(process.argv[4]);
const data = JSON.parse(fs.readFileSync(process.argv[5], 'utf8'));

function fill() {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

for (let i = 0; i < warmup; i++) fill();
const ms = [];
const cpu = [];
let out = null;
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  out = fill();
  ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  const used = process.cpuUsage(startCpu);
  cpu.push((used.user + used.system) / 1000);
}
fs.writeFileSync(process.argv[6], out);
console.log(JSON.stringify({ ms, cpu, bytes: out.length }));
