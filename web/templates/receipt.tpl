{{%AUTOESCAPE context="HTML"}}
<h1>{{t_receipt_title}}</h1>
<p class="receipt" role="status">{{t_receipt_reference}} <strong class="reference">{{REFERENCE}}</strong></p>
<dl class="facts">
<dt>{{t_col_consultation}}</dt><dd><a href="{{P}}/consultations/{{CONSULTATION_ID}}">{{CONSULTATION}}</a></dd>
<dt>{{t_receipt_submitted}}</dt><dd>{{SUBMITTED}}</dd>
<dt>{{t_col_status}}</dt><dd>{{STATUS_LABEL}}</dd>
</dl>
<p>{{t_receipt_next}}</p>
