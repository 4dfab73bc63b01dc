const { greet, scale } = require('./greet');
console.log(greet('gatecheck'));
console.log(scale(3));
