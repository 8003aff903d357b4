{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/bodies/{{BODY_KEY}}"><bdi class="sym">{{BODY_ACRONYM}}</bdi></a> › <a href="{{P}}/consultations">{{t_nav_consultations}}</a></p>
<h1{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</h1>
{{>FOLLOW_BUTTON}}
{{#TITLE_FALLBACK}}<p class="note fallback">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{#ILLUSTRATIVE}}<p class="note">{{t_illustrative_note}}</p>{{/ILLUSTRATIVE}}
<p><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
<dl class="facts">
{{#LAUNCHED}}<dt>{{t_launched_at}}</dt><dd><a href="{{P}}/meetings/{{MEETING_ID}}">{{MEETING_LABEL_HTML:none}}</a></dd>{{/LAUNCHED}}
<dt>{{t_opens_at}}</dt><dd><time datetime="{{OPENS_ISO}}">{{OPENS_HTML:none}}</time></dd>
<dt>{{t_deadline}}</dt><dd><time datetime="{{DEADLINE_ISO}}">{{DEADLINE_HTML:none}}</time></dd>
{{#MEETING}}<dt>{{t_consultation_meeting}}</dt><dd><a href="{{P}}/meetings/{{MEETING_ID}}">{{MEETING_LABEL_HTML:none}}</a></dd>{{/MEETING}}
</dl>
{{#EXTENSIONS}}<section aria-labelledby="ext-h"><h2 id="ext-h">{{t_deadline_history}}</h2><ul>
{{#EXT}}<li>{{EXT_TEXT_HTML:none}}{{#EXT_REASON_SHOW}} — <span{{#EXT_REASON_FALLBACK}} lang="{{EXT_REASON_LANG}}"{{/EXT_REASON_FALLBACK}} dir="{{EXT_REASON_DIR}}">{{EXT_REASON_HTML:none}}</span>{{#EXT_REASON_FALLBACK}} <span class="note fallback">{{EXT_REASON_NOTE}}</span>{{/EXT_REASON_FALLBACK}}{{/EXT_REASON_SHOW}}</li>{{/EXT}}
</ul></section>{{/EXTENSIONS}}
<div class="description"{{#DESCRIPTION_FALLBACK}} lang="{{DESCRIPTION_LANG}}"{{/DESCRIPTION_FALLBACK}} dir="{{DESCRIPTION_DIR}}">{{DESCRIPTION_HTML:none}}</div>
{{#DESCRIPTION_FALLBACK}}<p class="note fallback">{{DESCRIPTION_NOTE}}</p>{{/DESCRIPTION_FALLBACK}}
<h2>{{t_questions}}</h2>
{{#Q_UNTRANSLATED}}<p class="note untranslated-note">{{Q_UNOTE}}</p>{{/Q_UNTRANSLATED}}
<ol class="questions">
{{#QUESTIONS}}<li id="q{{NUMBER}}"{{#UNTRANSLATED}} class="untranslated"{{/UNTRANSLATED}}><span lang="{{TLANG}}" dir="{{TDIR}}">{{Q_HTML:none}}</span></li>{{/QUESTIONS}}
</ol>
<nav class="links" aria-label="{{t_consultation_links}}"><ul>
<li><a href="{{P}}/consultations/{{ID}}/responses">{{PUBLISHED_LABEL}}</a></li>
<li><a href="{{P}}/consultations/{{ID}}/statistics">{{t_statistics}}</a></li>
<li><a href="{{P}}/consultations/{{ID}}/report">{{t_report}}</a></li>
{{#STAFF}}<li><a href="{{P}}/admin/consultations/{{ID}}">{{t_moderate}}</a></li>{{/STAFF}}
</ul></nav>
{{#SUMMARY}}<section aria-labelledby="sum-h"><h2 id="sum-h">{{t_summary}}</h2><div class="summary"{{#SUM_FALLBACK}} lang="{{SUM_LANG}}"{{/SUM_FALLBACK}} dir="{{SUM_DIR}}">{{SUM_HTML:none}}</div>{{#SUM_FALLBACK}}<p class="note fallback">{{SUM_NOTE}}</p>{{/SUM_FALLBACK}}</section>{{/SUMMARY}}
<section aria-labelledby="fu-h"><h2 id="fu-h">{{t_follow_up}}</h2>
{{#NO_FOLLOW_UP}}<p>{{t_follow_up_none}}</p>{{/NO_FOLLOW_UP}}
{{#FU_UNTRANSLATED}}<p class="note untranslated-note">{{FU_UNOTE}}</p>{{/FU_UNTRANSLATED}}
<ul class="follow-up">
{{#FOLLOW_UP}}<li{{#UNTRANSLATED}} class="untranslated"{{/UNTRANSLATED}}><a href="{{P}}/meetings/{{FU_MEETING_ID}}">{{FU_MEETING_HTML:none}}</a>{{t_punct_comma}}{{FU_NUMBER}}{{t_punct_colon}}<span lang="{{TLANG}}" dir="{{TDIR}}">{{FU_TEXT_HTML:none}}</span> <span class="meta">(<span{{#FU_OWNER_FALLBACK}} lang="{{FU_OWNER_LANG}}"{{/FU_OWNER_FALLBACK}} dir="{{FU_OWNER_DIR}}">{{FU_OWNER_HTML:none}}</span>)</span></li>{{/FOLLOW_UP}}
</ul></section>
<section aria-labelledby="form-h" id="respond"><h2 id="form-h">{{t_respond}}</h2>
{{#CLOSED}}<p class="notice" role="status">{{CLOSED_MESSAGE_HTML:none}}</p>{{/CLOSED}}
{{#FORM}}<form method="post" action="{{P}}/consultations/{{ID}}/responses" enctype="multipart/form-data" class="stack" novalidate>
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#POW}}<input type="hidden" name="pow_challenge" value="{{POW_CHALLENGE}}" data-pow-bits="{{POW_BITS}}">
<input type="hidden" name="pow" value="">
<noscript><p class="notice">{{t_pow_noscript}}</p></noscript>{{/POW}}
<p class="note">{{t_form_intro}}</p>
<fieldset><legend>{{t_about_you}}</legend>
<label for="name">{{t_field_name}}<span class="req">{{t_punct_paren_open}}{{t_required}}{{t_punct_paren_close}}</span></label>
{{#E_name}}<p class="field-error" id="name-error">{{E_MSG}}</p>{{/E_name}}
<input type="text" id="name" name="name" dir="auto" required maxlength="200" autocomplete="name" value="{{V_NAME}}"{{#E_name}} aria-invalid="true" aria-describedby="name-error"{{/E_name}}>
<label for="organization">{{t_field_organization}}</label>
{{#E_organization}}<p class="field-error" id="organization-error">{{E_MSG}}</p>{{/E_organization}}
<input type="text" id="organization" name="organization" dir="auto" maxlength="300" autocomplete="organization" value="{{V_ORGANIZATION}}"{{#E_organization}} aria-invalid="true" aria-describedby="organization-error"{{/E_organization}}>
<label for="job_title">{{t_field_job_title}}</label>
{{#E_job_title}}<p class="field-error" id="job_title-error">{{E_MSG}}</p>{{/E_job_title}}
<input type="text" id="job_title" name="job_title" dir="auto" maxlength="200" autocomplete="organization-title" value="{{V_JOB_TITLE}}"{{#E_job_title}} aria-invalid="true" aria-describedby="job_title-error"{{/E_job_title}}>
<label for="country">{{t_field_country}}<span class="req">{{t_punct_paren_open}}{{t_required}}{{t_punct_paren_close}}</span></label>
{{#E_country}}<p class="field-error" id="country-error">{{E_MSG}}</p>{{/E_country}}
<select id="country" name="country" required{{#E_country}} aria-invalid="true" aria-describedby="country-error"{{/E_country}}><option value="">—</option>{{COUNTRY_OPTIONS_HTML:none}}</select>
<label for="stakeholder_type">{{t_field_stakeholder_type}}<span class="req">{{t_punct_paren_open}}{{t_required}}{{t_punct_paren_close}}</span></label>
{{#E_stakeholder_type}}<p class="field-error" id="stakeholder_type-error">{{E_MSG}}</p>{{/E_stakeholder_type}}
<select id="stakeholder_type" name="stakeholder_type" required{{#E_stakeholder_type}} aria-invalid="true" aria-describedby="stakeholder_type-error"{{/E_stakeholder_type}}><option value="">—</option>{{#TYPES}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}{{#LABEL_FALLBACK}} lang="{{LABEL_LANG}}"{{/LABEL_FALLBACK}} dir="{{LABEL_DIR}}">{{LABEL}}</option>{{/TYPES}}</select>
<label for="email">{{t_field_email}}<span class="req">{{t_punct_paren_open}}{{t_required}}{{t_punct_paren_close}}</span></label>
{{#E_email}}<p class="field-error" id="email-error">{{E_MSG}}</p>{{/E_email}}
<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" aria-describedby="email-help{{#E_email}} email-error{{/E_email}}" value="{{V_EMAIL}}"{{#E_email}} aria-invalid="true"{{/E_email}}>
<p id="email-help" class="help">{{t_email_help}}</p>
<label for="language">{{t_field_language}}</label>
{{#E_language}}<p class="field-error" id="language-error">{{E_MSG}}</p>{{/E_language}}
<select id="language" name="language"{{#E_language}} aria-invalid="true" aria-describedby="language-error"{{/E_language}}>{{#LANGUAGES}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/LANGUAGES}}</select>
</fieldset>
<fieldset><legend>{{t_your_answers}}</legend>
{{#ANSWERS}}<label for="answer_{{NUMBER}}">{{NUMBER}}. <span{{#Q_FALLBACK}} lang="{{Q_LANG}}"{{/Q_FALLBACK}} dir="{{Q_DIR}}">{{Q_HTML:none}}</span></label>
{{#A_ERROR}}<p class="field-error" id="answer_{{NUMBER}}-error">{{E_MSG}}</p>{{/A_ERROR}}
<textarea id="answer_{{NUMBER}}" name="answer_{{NUMBER}}" rows="5" dir="auto" maxlength="{{MAX}}"{{#A_ERROR}} aria-invalid="true" aria-describedby="answer_{{NUMBER}}-error"{{/A_ERROR}}>{{VALUE:pre_escape}}</textarea>{{/ANSWERS}}
<label for="general">{{t_field_general}}</label>
{{#E_general}}<p class="field-error" id="general-error">{{E_MSG}}</p>{{/E_general}}
<textarea id="general" name="general" rows="6" dir="auto" maxlength="{{MAX_TEXT}}"{{#E_general}} aria-invalid="true" aria-describedby="general-error"{{/E_general}}>{{V_GENERAL:pre_escape}}</textarea>
</fieldset>
{{#E_consent_publish}}<p class="field-error" id="consent_publish-error">{{E_MSG}}</p>{{/E_consent_publish}}
<p><input id="consent_publish" name="consent_publish" type="checkbox" value="yes"{{#V_CONSENT}} checked{{/V_CONSENT}}{{#E_consent_publish}} aria-invalid="true" aria-describedby="consent_publish-error"{{/E_consent_publish}}> <label for="consent_publish" class="inline">{{t_field_consent}}</label></p>
<label for="attachments">{{t_field_attachments}}</label>
{{#E_attachments}}<p class="field-error" id="attachments-error">{{E_MSG}}</p>{{/E_attachments}}
<input id="attachments" name="attachments" type="file" multiple accept=".pdf,.docx,.odt,.txt,application/pdf,text/plain" data-max-files="{{MAX_FILES}}" data-max-bytes="{{MAX_FILE_BYTES}}" data-size-message="{{FILE_SIZE_MESSAGE}}" data-type-message="{{FILE_TYPE_MESSAGE}}" data-count-message="{{FILE_COUNT_MESSAGE}}" data-summary-title="{{t_form_errors_title}}" aria-describedby="att-help{{#E_attachments}} attachments-error{{/E_attachments}}"{{#E_attachments}} aria-invalid="true"{{/E_attachments}}>
<p id="att-help" class="help">{{ATTACHMENT_HELP}}</p>
<button type="submit" data-working="{{t_pow_working}}">{{t_submit_response}}</button>
</form>{{#POW}}<script src="/static/pow.js?v={{ASSET_V}}" defer></script>{{/POW}}{{/FORM}}
</section>
