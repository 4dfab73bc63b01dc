import time
from locust import User, task, constant

class Idle(User):
    wait_time = constant(1)

    @task
    def nothing(self):
        time.sleep(0.1)  # sends no request: the stats file has an Aggregated row of zero requests
