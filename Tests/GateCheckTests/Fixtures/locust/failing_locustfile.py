from locust import HttpUser, task, constant

class Visitor(HttpUser):
    wait_time = constant(0.05)

    @task(4)
    def index(self):
        self.client.get("/")

    @task(1)
    def missing(self):
        self.client.get("/missing")  # http.server answers 404: a failure
