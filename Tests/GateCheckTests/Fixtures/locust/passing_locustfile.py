from locust import HttpUser, task, constant

class Visitor(HttpUser):
    wait_time = constant(0.05)

    @task(3)
    def index(self):
        self.client.get("/")

    @task(1)
    def page(self):
        self.client.get("/index.html")
