from locust import HttpUser, task, constant

class Visitor(HttpUser):
    wait_time = constant(0.05)

    @task(4)
    def index(self):
        self.client.get("/", name="首页")  # a Chinese endpoint name, as a Windows user in China writes it

    @task(1)
    def missing(self):
        self.client.get("/missing", name="缺失页面")  # http.server answers 404: a failure
