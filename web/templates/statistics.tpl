{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{t_statistics}}</h1>
<p>{{TOTAL_LABEL}}</p>
<p><a href="/api/v1/consultations/{{ID}}/statistics.csv">{{t_download_csv}}</a> · <a href="/api/v1/consultations/{{ID}}/statistics">JSON</a></p>
{{#TABLE}}<div class="table-scroll"><table>
<caption>{{CAPTION}}</caption>
<thead><tr><th scope="col">{{HEAD}}</th><th scope="col" class="num">{{t_col_responses}}</th></tr></thead>
<tbody>{{#ROW}}<tr><th scope="row"{{#LABEL_FALLBACK}} lang="{{LABEL_LANG}}"{{/LABEL_FALLBACK}} dir="{{LABEL_DIR}}">{{LABEL_HTML:none}}</th><td class="num">{{COUNT}}</td></tr>{{/ROW}}</tbody>
</table></div>{{/TABLE}}
{{#MEETING}}<div class="table-scroll"><table><caption>{{t_consultation_meeting}}</caption><tbody>
<tr><th scope="row">{{t_registered}}</th><td class="num">{{REGISTERED}}</td></tr>
<tr><th scope="row">{{t_attended}}</th><td class="num">{{ATTENDED}}</td></tr>
</tbody></table></div>{{/MEETING}}
