"""dynalite (a DynamoDB implementation on Node) as a real local database for tests.

start_dynalite() runs `node node_modules/dynalite/cli.js` in memory on 127.0.0.1 and a free
port, waits until it answers a ListTables call, and returns a handle that makes tables, gives
boto3 clients and the environment variables that point boto3 at it, and stops it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = REPO_ROOT / "node_modules" / "dynalite" / "cli.js"
REGION = "us-east-1"
READY_POLLS = 200  # x 0.05 s: node starts in well under a second; give a slow CI ten
PORT_TRIES = 3  # another process may grab the free port between our probe and node's bind

# One quick attempt per call while waiting for readiness; boto3's retries would only slow it.
_PROBE = Config(connect_timeout=0.5, read_timeout=2, retries={"mode": "standard", "total_max_attempts": 1})


class DynaliteUnavailable(RuntimeError):
    """node or dynalite is missing, or dynalite would not start: a broken test setup."""


@dataclass
class Dynalite:
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    region: str = REGION

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environ(self) -> dict[str, str]:
        """What makes a plain boto3.resource("dynamodb") talk to this dynalite."""
        return {
            "AWS_ENDPOINT_URL_DYNAMODB": self.endpoint,
            "AWS_REGION": self.region,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_ACCESS_KEY_ID": "test-key",  # dynalite accepts any credentials
            "AWS_SECRET_ACCESS_KEY": "test-secret",
        }

    def resource(self, config: Config | None = None) -> Any:
        return boto3.resource(
            "dynamodb", endpoint_url=self.endpoint, region_name=self.region,
            aws_access_key_id="test-key", aws_secret_access_key="test-secret", config=config,
        )

    def create_table(self, name: str) -> None:
        """A table like the skill's: partition key `id` (S), on demand; returns once ACTIVE."""
        client = self.resource().meta.client
        client.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        # Not boto3's table_exists waiter: it sleeps 20 s whenever its first look says CREATING.
        # dynalite (--createTableMs 0) turns the table ACTIVE on its next event-loop turn.
        for _ in range(READY_POLLS):
            if client.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE":
                return
            time.sleep(0.01)  # a poll interval, not a timing assumption
        raise DynaliteUnavailable(f"table {name} never became ACTIVE")

    def raw_item(self, table: str, key: str) -> dict[str, Any] | None:
        return self.resource().Table(table).get_item(Key={"id": key}, ConsistentRead=True).get("Item")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log_path.unlink(missing_ok=True)


def start_dynalite() -> Dynalite:
    node = shutil.which("node")
    if node is None:
        raise DynaliteUnavailable("node is not on PATH: install Node.js (see Makefile: make test)")
    if not CLI.exists():
        raise DynaliteUnavailable(f"{CLI} is missing: run `npm ci` in {REPO_ROOT}")
    last_log = ""
    for _ in range(PORT_TRIES):
        port = _free_port()
        log_fd, log_name = tempfile.mkstemp(prefix="dynalite-", suffix=".log")
        # Output goes to a file, not a pipe nobody reads (a full pipe would stall node).
        process = subprocess.Popen(
            [node, str(CLI), "--host", "127.0.0.1", "--port", str(port),
             "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
            stdout=log_fd, stderr=log_fd, stdin=subprocess.DEVNULL, cwd=REPO_ROOT,
        )
        os.close(log_fd)
        server = Dynalite(process=process, port=port, log_path=Path(log_name))
        if _wait_until_answering(server):
            return server
        last_log = server.log_path.read_text(errors="replace")
        server.stop()
    raise DynaliteUnavailable(f"dynalite did not start after {PORT_TRIES} tries; its output:\n{last_log}")


def _wait_until_answering(server: Dynalite) -> bool:
    client = server.resource(config=_PROBE).meta.client
    for _ in range(READY_POLLS):
        if server.process.poll() is not None:
            return False  # exited: most likely the port was taken
        try:
            client.list_tables()
            return True
        except (BotoCoreError, ClientError):
            time.sleep(0.05)  # a poll interval, not a timing assumption
    return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
