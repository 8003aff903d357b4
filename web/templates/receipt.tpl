{{%AUTOESCAPE context="HTML"}}
<article class="receipt-page">
<h1>{{t_receipt_title}}</h1>
<p class="receipt" role="status">{{t_receipt_reference}} <strong class="reference">{{REFERENCE_HTML:none}}</strong></p>
{{#MAIL_SENT}}<p class="note">{{TEXT_HTML:none}}</p>{{/MAIL_SENT}}
{{#MAIL_CONFIRMED}}<p>{{TEXT_HTML:none}}</p>{{/MAIL_CONFIRMED}}
<dl class="facts">
<dt>{{t_col_consultation}}</dt><dd><a href="{{P}}/consultations/{{CONSULTATION_ID}}"{{#CONSULTATION_FALLBACK}} lang="{{CONSULTATION_LANG}}"{{/CONSULTATION_FALLBACK}} dir="{{CONSULTATION_DIR}}">{{CONSULTATION_HTML:none}}</a></dd>
<dt>{{t_receipt_submitted}}</dt><dd>{{SUBMITTED_HTML:none}}</dd>
<dt>{{t_col_status}}</dt><dd>{{STATUS_LABEL}}</dd>
</dl>
<p>{{t_receipt_next}}</p>
<p class="noprint"><button type="button" data-print hidden>{{t_receipt_print}}</button></p>
<section class="copy" aria-labelledby="copy-heading">
<h2 id="copy-heading">{{t_receipt_copy}}</h2>
<dl class="facts">
{{#HAS_NAME}}<dt>{{t_field_name}}</dt><dd dir="auto">{{NAME}}</dd>{{/HAS_NAME}}
{{#HAS_ORG}}<dt>{{t_field_organization}}</dt><dd dir="auto">{{ORGANIZATION}}</dd>{{/HAS_ORG}}
{{#HAS_JOB}}<dt>{{t_field_job_title}}</dt><dd dir="auto">{{JOB_TITLE}}</dd>{{/HAS_JOB}}
<dt>{{t_field_country}}</dt><dd>{{COUNTRY}}</dd>
<dt>{{t_field_stakeholder_type}}</dt><dd{{#TYPE_LABEL_FALLBACK}} lang="{{TYPE_LABEL_LANG}}"{{/TYPE_LABEL_FALLBACK}} dir="{{TYPE_LABEL_DIR}}">{{TYPE_LABEL_HTML:none}}</dd>
{{#HAS_EMAIL}}<dt>{{t_field_email}}</dt><dd dir="ltr">{{EMAIL}}</dd>{{/HAS_EMAIL}}
<dt>{{t_field_language}}</dt><dd>{{LANGUAGE_NAME}}</dd>
</dl>
<p>{{CONSENT}}</p>
{{#ANSWER}}<section class="answer">
<h3>{{t_question}} {{NUMBER}}</h3>
<p class="question"><span{{#QUESTION_FALLBACK}} lang="{{QUESTION_LANG}}"{{/QUESTION_FALLBACK}} dir="{{QUESTION_DIR}}">{{QUESTION_HTML:none}}</span></p>
{{#TEXT}}<p class="text" lang="{{RLANG}}" dir="auto">{{VALUE}}</p>{{/TEXT}}{{#NONE}}<p class="text none">{{t_receipt_no_answer}}</p>{{/NONE}}
</section>{{/ANSWER}}
{{#GENERAL}}<section class="answer"><h3>{{t_field_general}}</h3><p class="text" lang="{{RLANG}}" dir="auto">{{TEXT}}</p></section>{{/GENERAL}}
<h3>{{t_field_attachments}}</h3>
{{#HAS_FILES}}<ul class="files">{{#FILES}}<li><bdi>{{FILENAME}}</bdi> ({{FILE_SIZE}})</li>{{/FILES}}</ul>{{/HAS_FILES}}
{{#NO_FILES}}<p>{{t_receipt_attachments_none}}</p>{{/NO_FILES}}
</section>
<p class="note noprint">{{KEEP_LINK_HTML:none}}</p>
</article>
