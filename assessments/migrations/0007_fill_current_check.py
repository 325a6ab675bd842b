"""Fill the CurrentCheck mirror from the existing checks (the latest one of every case)."""

from django.db import migrations

FILL = """
INSERT INTO assessments_currentcheck
    (case_id, assessment_id, assessed_on, urgency_rating, benefits_rating, trust_rating,
     images_rating, partners_rating)
SELECT DISTINCT ON (case_id) case_id, id, assessed_on, urgency_rating, benefits_rating,
       trust_rating, images_rating, partners_rating
FROM assessments_assessment
WHERE case_id IS NOT NULL
ORDER BY case_id, assessed_on DESC, id DESC
ON CONFLICT (case_id) DO NOTHING
"""


class Migration(migrations.Migration):
    dependencies = [("assessments", "0006_current_check")]

    operations = [migrations.RunSQL(FILL, reverse_sql="DELETE FROM assessments_currentcheck")]
