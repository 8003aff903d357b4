{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/consultations/{{ID}}">{{TITLE}}</a></p>
<h1>{{t_report}}</h1>
<p class="help">{{t_report_help}}</p>
<blockquote class="report" id="report-paragraph">{{PARAGRAPH}}</blockquote>
<p>{{#OTHER}}<a href="/{{CODE}}/consultations/{{ID}}/report" lang="{{CODE}}" hreflang="{{CODE}}">{{NAME}}</a> {{/OTHER}}</p>
