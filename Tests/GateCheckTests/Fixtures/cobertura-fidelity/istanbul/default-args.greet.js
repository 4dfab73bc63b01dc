function greet(name = 'world') {
  return 'hello ' + name;
}

function scale(value, factor = 2) {
  return value * factor;
}

function unused(flag = false) {
  return flag;
}

module.exports = { greet, scale, unused };
