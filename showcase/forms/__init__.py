"""Forms pipeline: everything that writes a project file for someone who does not write YAML.

- `spec`: the submission form's specification, built from the project schema and registries
  (rendered by `showcase.render.submit_page`);
- `issue_form`: the forge's issue form, generated from the same schema;
- `from_issue`: a submitted issue body back into a project file, validated.

The commands that use them are `showcase.commands.from_issue` and `showcase.commands.generated`.
"""
