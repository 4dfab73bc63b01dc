"""ragservice: a small retrieval-augmented answering service.

The package is the subject of gatecheck's sample reports: its pytest suite and
coverage.py measurements produce the Cobertura and JUnit files under
``sample-reports/``. Nothing here touches the network.
"""

from ragservice.config import ServiceConfig, load_config
from ragservice.documents import Document, DocumentStore
from ragservice.service import Answer, RagService

__all__ = [
    "Answer",
    "Document",
    "DocumentStore",
    "RagService",
    "ServiceConfig",
    "load_config",
]
__version__ = "0.4.1"
