"""template.yaml (AWS SAM) and ask-resources.json: what the deployed skill relies on."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from cfnlint.decode import decode_str

from ._voice import ROOT, load_skill_json

TEMPLATE, _errors = decode_str((ROOT / "template.yaml").read_text(encoding="utf-8"))
ASK_RESOURCES = json.loads((ROOT / "ask-resources.json").read_text(encoding="utf-8"))
RESOURCES = TEMPLATE["Resources"]
PARAMETERS = TEMPLATE["Parameters"]
ASK_CLI_PARAMETERS = ["SkillId", "LambdaRuntime", "LambdaHandler", "CodeBucket", "CodeKey", "CodeVersion"]
TABLE_ACTIONS = {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}


def of_type(kind: str) -> dict[str, dict]:
    return {name: r for name, r in RESOURCES.items() if r["Type"] == kind}


def one(kind: str) -> tuple[str, dict]:
    found = of_type(kind)
    assert len(found) == 1, f"expected one {kind}, found {sorted(found)}"
    return next(iter(found.items()))


FUNCTION_ID, FUNCTION = one("AWS::Serverless::Function")
TABLE_ID, TABLE = one("AWS::DynamoDB::Table")
PROPS = FUNCTION["Properties"]


def resolved(value):
    """A property's value, following a Ref to a parameter's default."""
    if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in PARAMETERS:
        return PARAMETERS[value["Ref"]].get("Default")
    return value


def test_template_parses_as_sam():
    assert not _errors
    assert TEMPLATE["Transform"] == "AWS::Serverless-2016-10-31"


def test_accepts_every_parameter_the_ask_cli_deployer_passes():
    assert set(ASK_CLI_PARAMETERS) <= set(PARAMETERS)
    for name in ASK_CLI_PARAMETERS:
        if name != "SkillId":
            assert "Default" in PARAMETERS[name], f"{name} needs a default for sam deploy"


def test_skill_id_parameter_only_takes_skill_ids():
    pattern = PARAMETERS["SkillId"]["AllowedPattern"]
    assert re.fullmatch(pattern, "amzn1.ask.skill.12345678-1234-1234-1234-123456789012")
    assert not re.fullmatch(pattern, "")


def test_handler_is_the_lambda_entry_point():
    assert resolved(PROPS["Handler"]) == "lambda_function.lambda_handler"
    assert (ROOT / "lambda").is_dir()
    assert PROPS["CodeUri"].rstrip("/") == "lambda"


def test_make_package_builds_for_the_functions_runtime_and_architecture():
    from scripts import build_package

    assert build_package.RUNTIME == resolved(PROPS["Runtime"])
    assert [build_package.ARCHITECTURE] == PROPS["Architectures"]
    assert (ROOT / PROPS["CodeUri"]).resolve() == build_package.CODE_DIR.resolve()


def test_runtime_is_a_current_python():
    runtime = resolved(PROPS["Runtime"])
    assert re.fullmatch(r"python3\.1[2-9]", runtime)
    allowed = PARAMETERS[PROPS["Runtime"]["Ref"]].get("AllowedValues", [runtime])
    assert all(re.fullmatch(r"python3\.1[2-9]", r) for r in allowed)


def test_function_sizing_fits_alexa():
    assert PROPS["MemorySize"] == 512
    timeout = PROPS["Timeout"]
    assert 8 < timeout <= 15, "Alexa waits about 8 s; the function may take a little longer, not minutes"
    assert PROPS["Architectures"] == ["arm64"]


def test_function_environment_names_the_table_and_skill():
    variables = PROPS["Environment"]["Variables"]
    assert variables["DYNAMODB_TABLE"] == {"Ref": TABLE_ID}
    assert variables["SKILL_ID"] == {"Ref": "SkillId"}
    assert "LOG_LEVEL" in variables


def test_only_this_skill_may_invoke_the_function():
    events = PROPS["Events"]
    alexa = [e for e in events.values() if e["Type"] == "AlexaSkill"]
    assert len(alexa) == 1
    assert alexa[0]["Properties"]["SkillId"] == {"Ref": "SkillId"}
    assert len(events) == 1


def test_table_is_on_demand_keyed_by_id_with_ttl_and_encryption():
    props = TABLE["Properties"]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert props["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert props["AttributeDefinitions"] == [{"AttributeName": "id", "AttributeType": "S"}]
    assert props["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}
    assert props["SSESpecification"]["SSEEnabled"] is True
    assert "TableName" not in props, "a generated name lets two stacks coexist"


def test_no_backup_keeps_a_record_longer_than_the_readme_promises():
    # The README promises: 30 days after the last visit, at once after "delete my history", and
    # no backups. Point-in-time recovery would keep restorable copies for up to 35 days more.
    from heat_or_ice.adapters.attributes import TOMBSTONE_LIFETIME_SECONDS
    from heat_or_ice.skill.profile import RETENTION

    recovery = TABLE["Properties"].get("PointInTimeRecoverySpecification", {})
    assert recovery.get("PointInTimeRecoveryEnabled") is not True
    assert not [name for name, r in RESOURCES.items() if r["Type"].startswith("AWS::Backup::")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    promise = readme[readme.index("## What is stored"):readme.index("## Configuration")]
    assert f"{RETENTION.days} days after the last visit" in promise
    assert "There are no backups" in promise and "point-in-time" in promise
    assert TOMBSTONE_LIFETIME_SECONDS == 24 * 3600 and "expires after one day" in promise
    assert "at most 30 days" not in readme, "a promise the TTL sweep's delay cannot keep"


def test_user_data_survives_stack_deletion_by_mistake():
    assert TABLE["DeletionPolicy"] == "Retain"
    assert TABLE["UpdateReplacePolicy"] == "Retain"


def test_function_may_only_read_write_and_delete_items_of_its_table():
    policies = PROPS["Policies"]
    inline_only = all(isinstance(p, dict) and set(p) == {"Statement"} for p in policies)
    assert inline_only, "no managed policy templates"
    statements = [s for p in policies for s in p["Statement"]]
    actions = set()
    for statement in statements:
        assert statement["Effect"] == "Allow"
        assert statement["Resource"] == {"Fn::GetAtt": [TABLE_ID, "Arn"]}
        listed = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        actions |= set(listed)
    assert actions == TABLE_ACTIONS


def test_logs_are_kept_for_two_weeks():
    _, log_group = one("AWS::Logs::LogGroup")
    props = log_group["Properties"]
    assert props["RetentionInDays"] == 14
    assert props["LogGroupName"] == {"Fn::Sub": f"/aws/lambda/${{{FUNCTION_ID}}}"}


def test_outputs_give_the_skill_endpoint_and_table():
    outputs = TEMPLATE["Outputs"]
    assert outputs["SkillEndpoint"]["Value"] == {"Fn::GetAtt": [FUNCTION_ID, "Arn"]}
    assert outputs["TableName"]["Value"] == {"Ref": TABLE_ID}


# --- ask-resources.json and samconfig.toml ---------------------------------------------------------
PROFILE = ASK_RESOURCES["profiles"]["default"]
USER_CONFIG = PROFILE["skillInfrastructure"]["userConfig"]


def test_ask_resources_layout():
    assert ASK_RESOURCES["askcliResourcesVersion"] == "2020-03-31"
    assert PROFILE["skillMetadata"]["src"] == "./skill-package"
    assert PROFILE["code"]["default"]["src"] == "./lambda"
    assert (ROOT / "skill-package" / "skill.json").is_file()
    assert load_skill_json()["manifest"]["apis"]["custom"]["endpoint"]["uri"]


def test_ask_cli_deploys_this_template_with_the_cfn_deployer():
    assert PROFILE["skillInfrastructure"]["type"] == "@ask-cli/cfn-deployer"
    assert USER_CONFIG["handler"] == resolved(PROPS["Handler"])
    assert USER_CONFIG["runtime"] in PARAMETERS["LambdaRuntime"]["AllowedValues"]
    assert {"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"} <= set(USER_CONFIG["cfn"]["capabilities"])
    assert USER_CONFIG["awsRegion"]
    reserved = set(ASK_CLI_PARAMETERS) | {"SkillClientId", "SkillClientSecret"}
    assert not reserved & set(USER_CONFIG.get("cfn", {}).get("parameters", {}))


def test_ask_cli_template_is_the_sam_package_output_of_this_template():
    """CloudFormation's SAM transform rejects a local CodeUri, so the deployer gets the packaged copy."""
    samconfig = tomllib.loads((ROOT / "samconfig.toml").read_text(encoding="utf-8"))
    package = samconfig["default"]["package"]["parameters"]
    assert USER_CONFIG["templatePath"].removeprefix("./") == package["output_template_file"]
    assert samconfig["default"]["deploy"]["parameters"]["region"] == USER_CONFIG["awsRegion"]


@pytest.mark.parametrize("capability", ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
def test_sam_deploy_has_the_capabilities_too(capability):
    samconfig = tomllib.loads((ROOT / "samconfig.toml").read_text(encoding="utf-8"))
    assert capability in samconfig["default"]["deploy"]["parameters"]["capabilities"].split()
