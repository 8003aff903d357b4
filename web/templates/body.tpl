{{%AUTOESCAPE context="HTML"}}
<h1><span{{#NAME_FALLBACK}} lang="{{NAME_LANG}}"{{/NAME_FALLBACK}} dir="{{NAME_DIR}}">{{NAME_HTML:none}}</span> <span class="meta">(<bdi class="sym">{{ACRONYM}}</bdi>)</span></h1>
{{>FOLLOW_BUTTON}}
<p>{{MEMBERSHIP}}{{#OPEN_CONSULTATIONS}} · {{t_body_open_consultations}}{{/OPEN_CONSULTATIONS}}</p>
<div class="description"{{#DESCRIPTION_FALLBACK}} lang="{{DESCRIPTION_LANG}}"{{/DESCRIPTION_FALLBACK}} dir="{{DESCRIPTION_DIR}}">{{DESCRIPTION_HTML:none}}</div>
{{#CHAIR_REPORT}}<p><a href="{{P}}/bodies/{{KEY}}/chair-report">{{t_chair_report}}</a></p>{{/CHAIR_REPORT}}
<h2>{{t_nav_meetings}}</h2>
<ul>{{#MEETINGS}}<li><a href="{{P}}/meetings/{{MID}}">{{MLABEL_HTML:none}}</a> <span class="meta">{{MDATE}} · {{MMODE}}</span></li>{{/MEETINGS}}</ul>
<h2>{{t_nav_consultations}}</h2>
<ul>{{#CONSULTATIONS}}<li><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a> <span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></li>{{/CONSULTATIONS}}</ul>
