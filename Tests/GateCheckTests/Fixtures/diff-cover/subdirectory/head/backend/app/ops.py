def add(a, b):
    return a + b


def sub(a, b):
    if a < b:
        return -(b - a)
    return a - b


def mul(a, b):
    result = 0
    for _ in range(b):
        result = add(result, a)
    return result


def div(a, b):
    if b == 0:
        raise ZeroDivisionError("b is 0")
    return a / b
