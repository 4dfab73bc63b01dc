// Load test against python3 -m http.server: "/" answers 200, "/missing" 404 (a failed request for k6).
import http from 'k6/http';
import { sleep } from 'k6';

export const options = { vus: 5, duration: '8s' };

export default function () {
  http.get('http://127.0.0.1:18765/');
  if (__ITER % 5 === 0) {
    http.get('http://127.0.0.1:18765/missing');
  }
  sleep(0.05);
}

export function handleSummary(data) {
  return { [__ENV.DATA_FILE]: JSON.stringify(data) };
}
