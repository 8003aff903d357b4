{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/bodies/{{BODY_KEY}}">{{BODY_ACRONYM}}</a> › <a href="{{P}}/consultations">{{t_nav_consultations}}</a></p>
<h1 dir="auto"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}}>{{TITLE}}</h1>
{{#TITLE_FALLBACK}}<p class="note fallback">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{#ILLUSTRATIVE}}<p class="note">{{t_illustrative_note}}</p>{{/ILLUSTRATIVE}}
<p><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
<dl class="facts">
{{#LAUNCHED}}<dt>{{t_launched_at}}</dt><dd><a href="{{P}}/meetings/{{MEETING_ID}}">{{MEETING_LABEL}}</a></dd>{{/LAUNCHED}}
<dt>{{t_opens_at}}</dt><dd><time datetime="{{OPENS_ISO}}">{{OPENS}}</time></dd>
<dt>{{t_deadline}}</dt><dd><time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></dd>
{{#MEETING}}<dt>{{t_consultation_meeting}}</dt><dd><a href="{{P}}/meetings/{{MEETING_ID}}">{{MEETING_LABEL}}</a></dd>{{/MEETING}}
</dl>
{{#EXTENSIONS}}<section aria-labelledby="ext-h"><h2 id="ext-h">{{t_deadline_history}}</h2><ul>
{{#EXT}}<li>{{EXT_TEXT}}{{#EXT_REASON_SHOW}} — <span dir="auto"{{#EXT_REASON_FALLBACK}} lang="{{EXT_REASON_LANG}}"{{/EXT_REASON_FALLBACK}}>{{EXT_REASON}}</span>{{#EXT_REASON_FALLBACK}} <span class="note fallback">{{EXT_REASON_NOTE}}</span>{{/EXT_REASON_FALLBACK}}{{/EXT_REASON_SHOW}}</li>{{/EXT}}
</ul></section>{{/EXTENSIONS}}
<div class="description" dir="auto"{{#DESC_FALLBACK}} lang="{{DESC_LANG}}"{{/DESC_FALLBACK}}>{{DESCRIPTION_HTML:none}}</div>
{{#DESC_FALLBACK}}<p class="note fallback">{{DESC_NOTE}}</p>{{/DESC_FALLBACK}}
<h2>{{t_questions}}</h2>
<ol class="questions">
{{#QUESTIONS}}<li id="q{{NUMBER}}"><span dir="auto"{{#Q_FALLBACK}} lang="{{Q_LANG}}"{{/Q_FALLBACK}}>{{Q}}</span>{{#Q_FALLBACK}} <span class="note fallback">{{Q_NOTE}}</span>{{/Q_FALLBACK}}</li>{{/QUESTIONS}}
</ol>
<nav class="links" aria-label="{{t_consultation_links}}"><ul>
<li><a href="{{P}}/consultations/{{ID}}/responses">{{PUBLISHED_LABEL}}</a></li>
<li><a href="{{P}}/consultations/{{ID}}/statistics">{{t_statistics}}</a></li>
<li><a href="{{P}}/consultations/{{ID}}/report">{{t_report}}</a></li>
{{#STAFF}}<li><a href="{{P}}/admin/consultations/{{ID}}">{{t_moderate}}</a></li>{{/STAFF}}
</ul></nav>
{{#SUMMARY}}<section aria-labelledby="sum-h"><h2 id="sum-h">{{t_summary}}</h2><div class="summary" dir="auto"{{#SUM_FALLBACK}} lang="{{SUM_LANG}}"{{/SUM_FALLBACK}}>{{SUM}}</div>{{#SUM_FALLBACK}}<p class="note fallback">{{SUM_NOTE}}</p>{{/SUM_FALLBACK}}</section>{{/SUMMARY}}
<section aria-labelledby="fu-h"><h2 id="fu-h">{{t_follow_up}}</h2>
{{#NO_FOLLOW_UP}}<p>{{t_follow_up_none}}</p>{{/NO_FOLLOW_UP}}
<ul class="follow-up">
{{#FOLLOW_UP}}<li><a href="{{P}}/meetings/{{FU_MEETING_ID}}">{{FU_MEETING}}</a>{{t_punct_comma}}{{FU_NUMBER}}{{t_punct_colon}}<span dir="auto"{{#FU_FALLBACK}} lang="{{FU_LANG}}"{{/FU_FALLBACK}}>{{FU_TEXT_HTML:none}}</span> <span class="meta">({{FU_OWNER}})</span>{{#FU_FALLBACK}} <span class="note fallback">{{FU_NOTE}}</span>{{/FU_FALLBACK}}</li>{{/FOLLOW_UP}}
</ul></section>
<section aria-labelledby="form-h" id="respond"><h2 id="form-h">{{t_respond}}</h2>
{{#CLOSED}}<p class="notice" role="status">{{CLOSED_MESSAGE}}</p>{{/CLOSED}}
{{#HAS_ERROR}}<p class="error" role="alert" id="form-error">{{ERROR}}</p>{{/HAS_ERROR}}
{{#FORM}}<form method="post" action="{{P}}/consultations/{{ID}}/responses" enctype="multipart/form-data" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#POW}}<input type="hidden" name="pow_challenge" value="{{POW_CHALLENGE}}" data-pow-bits="{{POW_BITS}}">
<input type="hidden" name="pow" value="">
<noscript><p class="notice">{{t_pow_noscript}}</p></noscript>{{/POW}}
<p class="note">{{t_form_intro}}</p>
<fieldset><legend>{{t_about_you}}</legend>
<label for="name">{{t_field_name}} <span class="req">({{t_required}})</span></label>
<input type="text" id="name" name="name" required maxlength="200" autocomplete="name" value="{{V_NAME}}">
<label for="organization">{{t_field_organization}}</label>
<input type="text" id="organization" name="organization" maxlength="300" autocomplete="organization" value="{{V_ORGANIZATION}}">
<label for="job_title">{{t_field_job_title}}</label>
<input type="text" id="job_title" name="job_title" maxlength="200" autocomplete="organization-title" value="{{V_JOB_TITLE}}">
<label for="country">{{t_field_country}} <span class="req">({{t_required}})</span></label>
<select id="country" name="country" required><option value="">—</option>{{#COUNTRIES}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/COUNTRIES}}</select>
<label for="stakeholder_type">{{t_field_stakeholder_type}} <span class="req">({{t_required}})</span></label>
<select id="stakeholder_type" name="stakeholder_type" required><option value="">—</option>{{#TYPES}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/TYPES}}</select>
<label for="email">{{t_field_email}} <span class="req">({{t_required}})</span></label>
<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" aria-describedby="email-help" value="{{V_EMAIL}}">
<p id="email-help" class="help">{{t_email_help}}</p>
<label for="language">{{t_field_language}}</label>
<select id="language" name="language">{{#LANGUAGES}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGUAGES}}</select>
</fieldset>
<fieldset><legend>{{t_your_answers}}</legend>
{{#ANSWERS}}<label for="answer_{{NUMBER}}">{{NUMBER}}. <span dir="auto"{{#Q_FALLBACK}} lang="{{Q_LANG}}"{{/Q_FALLBACK}}>{{Q}}</span></label>
<textarea id="answer_{{NUMBER}}" name="answer_{{NUMBER}}" rows="5" maxlength="{{MAX}}">{{VALUE}}</textarea>{{/ANSWERS}}
<label for="general">{{t_field_general}}</label>
<textarea id="general" name="general" rows="6" maxlength="{{MAX_TEXT}}">{{V_GENERAL}}</textarea>
<label for="attachments">{{t_field_attachments}}</label>
<input id="attachments" name="attachments" type="file" multiple accept=".pdf,.docx,.odt,.txt,application/pdf,text/plain" aria-describedby="att-help">
<p id="att-help" class="help">{{ATTACHMENT_HELP}}</p>
</fieldset>
<p><input id="consent_publish" name="consent_publish" type="checkbox" value="yes"{{#V_CONSENT}} checked{{/V_CONSENT}}> <label for="consent_publish" class="inline">{{t_field_consent}}</label></p>
<button type="submit" data-working="{{t_pow_working}}">{{t_submit_response}}</button>
</form>{{#POW}}<script src="/static/pow.js" defer></script>{{/POW}}{{/FORM}}
</section>
