function clamp(value, low = 0, high = 10) {
  if (value < low) {
    return low;
  }
  return value > high ? high : value;
}

module.exports = { clamp };
