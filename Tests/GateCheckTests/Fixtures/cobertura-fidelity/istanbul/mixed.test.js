const { clamp } = require('./clamp');
console.log(clamp(5));
console.log(clamp(-1, 0, 3));
