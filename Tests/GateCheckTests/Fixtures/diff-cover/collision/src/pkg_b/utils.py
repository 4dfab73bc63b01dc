def b(x):
    if x > 1:
        return 1
    y = 3
    z = 4
    return y + z
